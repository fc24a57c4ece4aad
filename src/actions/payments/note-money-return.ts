import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { cardBrandName } from '../../domain/payments/card-brand.js';
import { audit } from '../../db/queries/audit.js';
import type { Tx } from '../../db/client.js';
import type { PaymentAttempt, PaymentOperation } from '../../db/queries/payments.js';
import { invoices, orders, paymentOperations } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { paymentCancelledEmail } from '../../email/templates/payment-cancelled.js';
import { refundMadeEmail } from '../../email/templates/refund-made.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';

/** «Visa •••• 1981» as the client knows the card, or null. */
export function cardLabel(attempt: Pick<PaymentAttempt, 'cardBrand' | 'cardLast4'>): string | null {
  if (!attempt.cardLast4) return null;
  return `${attempt.cardBrand ? `${cardBrandName(attempt.cardBrand)} ` : ''}•••• ${attempt.cardLast4}`;
}

/**
 * The final word on a cancel or refund, in the transaction that records it (the call itself or
 * reconciliation): an audit entry with the amounts, and on success the client's email.
 */
export async function noteMoneyReturn(
  deps: Pick<Deps, 'queue' | 'clock' | 'config' | 'content'>,
  tx: Tx,
  operation: PaymentOperation,
  attempt: PaymentAttempt,
  now: Date,
): Promise<void> {
  if (operation.kind === 'capture') return;
  const succeeded = operation.state === 'succeeded';
  const refunds = await tx
    .select()
    .from(paymentOperations)
    .where(and(eq(paymentOperations.attemptId, attempt.id), eq(paymentOperations.kind, 'refund'), eq(paymentOperations.state, 'succeeded')));
  const refundedKopecks = refunds.reduce((sum, r) => sum + r.amountKopecks, 0);
  await audit(tx, {
    staffId: operation.staffId,
    action: `payment.${operation.kind === 'cancel' ? 'cancel' : 'refund'}_${succeeded ? 'succeeded' : 'failed'}`,
    entity: 'payment_attempt',
    entityId: attempt.id,
    details: {
      operationId: operation.id,
      orderId: attempt.orderId,
      invoiceId: attempt.invoiceId,
      amountKopecks: operation.amountKopecks,
      paidKopecks: attempt.amountKopecks,
      refundedKopecks,
      ...(succeeded ? {} : { gatewayCode: operation.gatewayCode, gatewayDescription: operation.gatewayDescription }),
    },
    at: now,
  });
  if (!succeeded) return;

  const [order] = await tx.select().from(orders).where(eq(orders.id, attempt.orderId));
  if (!order) return;
  const [invoice] = attempt.invoiceId ? await tx.select({ ordinal: invoices.ordinal }).from(invoices).where(eq(invoices.id, attempt.invoiceId)) : [];
  const common = {
    customerName: order.customerName,
    serviceTitle: order.serviceTitle,
    number: invoice ? invoiceNumber(order.number, invoice.ordinal) : orderNumber(order.number),
    card: cardLabel(attempt),
    surcharge: attempt.invoiceId !== null,
    publicUrl: deps.config.PUBLIC_URL,
    orderRef: order.publicRef,
  };
  const company = deps.content.current();
  const content =
    operation.kind === 'cancel'
      ? paymentCancelledEmail({ ...common, amountKopecks: operation.amountKopecks }, company)
      : refundMadeEmail({ ...common, amountKopecks: operation.amountKopecks, paidKopecks: attempt.amountKopecks, refundedKopecks }, company);
  await queueEmail(deps, tx, {
    kind: operation.kind === 'cancel' ? 'payment_cancelled' : 'refund_made',
    to: order.customerEmail,
    orderId: order.id,
    clientId: order.clientId,
    content,
  });
}
