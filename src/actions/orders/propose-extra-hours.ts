import { eq } from 'drizzle-orm';
import { orderNumber } from '../../domain/orders/order-number.js';
import type { Deps } from '../../app-deps.js';
import { checkExtraHoursRequest, extraHoursRequestRefusal, type ExtraHoursField } from '../../domain/invoices/extra-hours.js';
import { audit } from '../../db/queries/audit.js';
import { agreementOfOrder } from '../../db/queries/extra-hours.js';
import { invoiceRecipient } from '../../db/queries/invoices.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { extraHoursRequests, services } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { extraHoursRequestEmail } from '../../email/templates/extra-hours-request.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * Staff ask the client to agree to hours beyond the agreed ones: a pending request (hours at the
 * service's rate, with the manager's note), audited, and an email asking the client to answer in the
 * personal account. Until the client approves, those hours cannot be invoiced.
 */
export async function proposeExtraHours(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown> },
): Promise<WorkResult<{ requestId: string }, ExtraHoursField>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const [service] = await tx.select({ billing: services.billing, rate: services.hourlyRateKopecks }).from(services).where(eq(services.id, order.serviceId));
    const agreement = await agreementOfOrder(tx, order.id);
    const refusal = extraHoursRequestRefusal({ billing: service?.billing ?? 'fixed', orderState: order.state, hasPending: agreement.pendingMinutes > 0 });
    if (refusal || !service?.rate) return { kind: 'refused', reason: refusal ?? 'У услуги не указана цена часа.' };
    const checked = checkExtraHoursRequest(input.body);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const { minutes, note } = checked.value;

    const [request] = await tx
      .insert(extraHoursRequests)
      .values({ orderId: order.id, minutes, hourlyRateKopecks: service.rate, note, requestedBy: input.member.id, requestedAt: now })
      .returning({ id: extraHoursRequests.id });
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.extra_hours_requested',
      entity: 'order',
      entityId: order.id,
      details: { requestId: request!.id, minutes, hourlyRateKopecks: service.rate },
      ip: input.ip,
      at: now,
    });
    const to = await invoiceRecipient(tx, order);
    const content = extraHoursRequestEmail(
      {
        customerName: to.name,
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        minutes,
        hourlyRateKopecks: service.rate,
        note,
        orderUrl: `${deps.config.PUBLIC_URL}/account/orders/${order.publicRef}#extra-hours`,
      },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'extra_hours_request', to: to.email, orderId: order.id, clientId: to.clientId, content });
    return { kind: 'done', requestId: request!.id };
  });
}
