import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { bankInvoices, orders } from '../../db/schema/index.js';
import { orderMachine } from '../../domain/orders/order-machine.js';

export type WithdrawResult = { kind: 'withdrawn' } | { kind: 'not_waiting' } | { kind: 'not_found' };

/**
 * Cancels an order still waiting for its bank transfer, by staff or by the client on the order page
 * (`staffId` null): no money moved, so nothing to return and no
 * receipt. Its invoice is cancelled too, so a payment that still arrives is listed for a person (the
 * statement matcher's «счёт отменён»), never applied.
 */
export async function withdrawTransferOrder(deps: Pick<Deps, 'db' | 'clock'>, input: { orderId: string; staffId: string | null; ip: string; reason: string }): Promise<WithdrawResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for('update');
    if (!order) return { kind: 'not_found' } as const;
    const next = orderMachine.transition(order.state, 'transfer_order_withdrawn');
    if (!next) return { kind: 'not_waiting' } as const;
    await tx.update(orders).set({ state: next }).where(eq(orders.id, order.id));
    const cancelled = await tx
      .update(bankInvoices)
      .set({ state: 'cancelled' })
      .where(and(eq(bankInvoices.orderId, order.id), eq(bankInvoices.state, 'waiting')))
      .returning({ number: bankInvoices.number });
    await audit(tx, {
      staffId: input.staffId,
      action: 'transfer.order_withdrawn',
      entity: 'order',
      entityId: order.id,
      details: { invoiceNumbers: cancelled.map((c) => c.number), reason: input.reason },
      ip: input.ip,
      at: now,
    });
    return { kind: 'withdrawn' } as const;
  });
}
