import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { audit } from '../../db/queries/audit.js';
import { activeAdmins } from '../../db/queries/backups.js';
import type { PaymentAttempt } from '../../db/queries/payments.js';
import { paymentAttempts, staffAlerts } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { gatewayIdConflictEmail } from '../../email/templates/gateway-id-conflict.js';
import { orderNumbersById } from '../../db/queries/orders.js';

export const GATEWAY_ID_CONFLICT = 'gateway_payment_id_conflict';

/**
 * The gateway created a payment for this attempt under a number another attempt already holds (a
 * development gateway restarted next to the same database did exactly this). The number cannot be
 * stored, so the attempt fails — the order stays awaiting payment and the next try gets a new attempt
 * and a new number — and the staff hear of it: an alert, an audit entry and an email to every admin.
 */
export async function reportGatewayIdConflict(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'log' | 'content'>,
  attempt: PaymentAttempt,
  gatewayPaymentId: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [holder] = await tx.select({ id: paymentAttempts.id, orderId: paymentAttempts.orderId }).from(paymentAttempts).where(eq(paymentAttempts.gatewayPaymentId, gatewayPaymentId));
    deps.log.error({ attemptId: attempt.id, gatewayPaymentId, heldByAttemptId: holder?.id }, 'the gateway gave a new payment a number another attempt already holds');
    await tx
      .update(paymentAttempts)
      .set({ state: 'failed', failureCode: GATEWAY_ID_CONFLICT, failureDescription: `Шлюз выдал номер платежа ${gatewayPaymentId}, который уже занят` })
      .where(and(eq(paymentAttempts.id, attempt.id), eq(paymentAttempts.state, attempt.state)));
    const numbers = await orderNumbersById(tx, holder ? [attempt.orderId, holder.orderId] : [attempt.orderId]);
    const number = orderNumber(numbers.get(attempt.orderId)!);
    const heldBy = holder ? orderNumber(numbers.get(holder.orderId)!) : null;
    await tx.insert(staffAlerts).values({
      orderId: attempt.orderId,
      kind: GATEWAY_ID_CONFLICT,
      message: `Платёжный шлюз выдал номер платежа ${gatewayPaymentId}, который уже есть ${heldBy ? `у заказа ${heldBy}` : 'у другого платежа'}: клиент не смог оплатить.`,
      createdAt: now,
    });
    await audit(tx, {
      staffId: null,
      action: 'payment.gateway_id_conflict',
      entity: 'payment_attempt',
      entityId: attempt.id,
      details: { gatewayPaymentId, heldByAttemptId: holder?.id ?? null },
      at: now,
    });
    const company = deps.content.current();
    const cardUrl = `${deps.config.PUBLIC_URL}/admin/orders/${attempt.orderId}`;
    for (const admin of await activeAdmins(tx)) {
      const content = gatewayIdConflictEmail({ adminName: admin.name, at: now, orderNumber: number, gatewayPaymentId, heldByOrderNumber: heldBy, cardUrl }, company);
      await queueEmail(deps, tx, { kind: GATEWAY_ID_CONFLICT, to: admin.email, orderId: attempt.orderId, content });
    }
  });
}
