import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { cardBrandName } from '../../domain/payments/card-brand.js';
import { callbackDeadlineInWords } from '../../domain/calendar/deadline-words.js';
import { paidAttemptForOrder } from '../../db/queries/payments.js';
import { orderBankInvoice } from '../../db/queries/transfers.js';
import { invoiceTitle } from '../../domain/transfers/bank-invoice.js';
import { emails, orders } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { orderConfirmation } from '../../email/templates/order-confirmation.js';
import { orderNumber } from '../../domain/orders/order-number.js';

/**
 * The `order.paid` follow-up: the order confirmation email, queued once per order (a second run of the
 * job finds it and sends nothing). Tells the client when the manager will call. Paid by card (the paid
 * attempt) or by bank transfer (the paid bank invoice: no card, no cash receipt).
 */
export async function sendOrderConfirmation(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'calendar' | 'content'>,
  orderId: string,
): Promise<'queued' | 'already_queued' | 'not_paid'> {
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    const attempt = order?.paidAt ? await paidAttemptForOrder(tx, order.id) : undefined;
    const transfer = order?.paidAt && !attempt ? await orderBankInvoice(tx, order.id) : undefined;
    const byTransfer = transfer?.state === 'paid' ? transfer : undefined;
    if (!order?.paidAt || (!attempt && !byTransfer)) return 'not_paid';
    const [existing] = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.orderId, order.id), eq(emails.kind, 'order_confirmation')));
    if (existing) return 'already_queued';

    const now = deps.clock.now();
    const content = orderConfirmation(
      {
        customerName: order.customerName,
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        priceKopecks: order.priceKopecks,
        paidKopecks: attempt?.amountKopecks ?? byTransfer!.amountKopecks,
        card: attempt?.cardLast4 ? { brand: attempt.cardBrand && cardBrandName(attempt.cardBrand), last4: attempt.cardLast4 } : null,
        bankInvoice: byTransfer && invoiceTitle(byTransfer.number, byTransfer.issuedAt),
        paidAt: order.paidAt,
        publicUrl: deps.config.PUBLIC_URL,
        orderRef: order.publicRef,
        managerDeadline: callbackDeadlineInWords(order.paidAt, deps.calendar, now),
        // A transfer from a company's account gets no cash receipt (docs/receipts.md).
        receiptByOfd: deps.config.RECEIPTS !== 'off' && !byTransfer,
      },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'order_confirmation', to: order.customerEmail, orderId: order.id, clientId: order.clientId, content });
    return 'queued';
  });
}
