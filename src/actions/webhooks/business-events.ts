import { and, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import type { Client } from '../../db/queries/clients.js';
import type { PaymentAttempt, PaymentOperation } from '../../db/queries/payments.js';
import { invoices, orders, paymentOperations } from '../../db/schema/index.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';
import { money, orderData } from '../../domain/webhooks/webhook-events.js';
import { recordWebhookEvent, type RecordDeps } from './record-webhook-event.js';

// The business events as CRMs receive them (docs/integrations.md#events): each a one-line call in the
// transaction of the action where the thing happens, reading the rows as that transaction left them.

type EventDeps = RecordDeps & Pick<Deps, 'config'>;
type OrderRow = typeof orders.$inferSelect;

const orderFacts = (deps: EventDeps, order: OrderRow) =>
  orderData({ ...order, number: orderNumber(order.number) }, `${deps.config.PUBLIC_URL}/admin/orders/${order.id}`);

/** `order.paid`, `order.contacted`, `order.completed`: the order as it now is, plus `extra` (the contact, say). */
export async function recordOrderEvent(
  deps: EventDeps,
  tx: Tx,
  type: 'order.paid' | 'order.contacted' | 'order.completed',
  orderIds: string[],
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (orderIds.length === 0) return;
  await recordWebhookEvent(deps, tx, type, async () => {
    const rows = await tx.select().from(orders).where(inArray(orders.id, orderIds));
    return rows.map((order) => ({ orderId: order.id, data: { ...orderFacts(deps, order), ...extra } }));
  });
}

/** `invoice.paid`: a surcharge paid through the gateway or marked paid by staff. */
export async function recordInvoicesPaid(deps: EventDeps, tx: Tx, invoiceIds: string[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  await recordWebhookEvent(deps, tx, 'invoice.paid', async () => {
    const rows = await tx.select({ invoice: invoices, order: orders }).from(invoices).innerJoin(orders, eq(orders.id, invoices.orderId)).where(inArray(invoices.id, invoiceIds));
    return rows.map(({ invoice, order }) => ({
      orderId: order.id,
      data: {
        ...orderFacts(deps, order),
        invoice: {
          id: invoice.id,
          number: invoiceNumber(order.number, invoice.ordinal),
          ref: invoice.publicRef,
          state: invoice.state,
          amount: money(invoice.amountKopecks),
          extra_minutes: invoice.extraMinutes,
          method: invoice.offlineMethod ?? 'card',
          paid_at: invoice.paidAt?.toISOString() ?? null,
        },
      },
    }));
  });
}

/**
 * `order.refunded`: money went back to the client, by a refund (full or partial) or a cancel of the
 * payment, of the order itself or of one of its surcharges (`refund.invoice_id`).
 */
export async function recordMoneyReturned(deps: EventDeps, tx: Tx, operation: PaymentOperation, attempt: PaymentAttempt): Promise<void> {
  if (operation.kind === 'capture' || operation.state !== 'succeeded') return;
  await recordWebhookEvent(deps, tx, 'order.refunded', async () => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, attempt.orderId));
    if (!order) return [];
    const returned = await tx
      .select({ amountKopecks: paymentOperations.amountKopecks })
      .from(paymentOperations)
      .where(and(eq(paymentOperations.attemptId, attempt.id), inArray(paymentOperations.kind, ['refund', 'cancel']), eq(paymentOperations.state, 'succeeded')));
    const total = returned.reduce((sum, r) => sum + r.amountKopecks, 0);
    const refund = {
      id: operation.id,
      operation: operation.kind,
      amount: money(operation.amountKopecks),
      returned_total: money(total),
      paid: money(attempt.amountKopecks),
      full: operation.kind === 'cancel' || total >= attempt.amountKopecks,
      invoice_id: attempt.invoiceId,
    };
    return [{ orderId: order.id, data: { ...orderFacts(deps, order), refund } }];
  });
}

/** `client.created`: the personal account made for a paid order's new address. */
export async function recordClientCreated(deps: EventDeps, tx: Tx, client: Client, orderId: string): Promise<void> {
  await recordWebhookEvent(deps, tx, 'client.created', async () => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
    if (!order) return [];
    const person = { id: client.id, name: client.name, email: client.email, phone: client.phone, created_at: client.createdAt.toISOString() };
    return [{ orderId: order.id, data: { ...orderFacts(deps, order), client: person } }];
  });
}
