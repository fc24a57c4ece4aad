import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { stepRefusal } from '../../domain/orders/order-workflow.js';
import { hoursBalance } from '../../domain/orders/work-hours.js';
import { invoicedExtraMinutes, loggedMinutes } from '../../db/queries/admin-orders.js';
import { audit } from '../../db/queries/audit.js';
import { orders, services } from '../../db/schema/index.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { queueCompletionReceipt } from '../receipts/queue-completion-receipt.js';
import { recordOrderEvent } from '../webhooks/business-events.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * in work → completed, with the full-settlement receipt (the service is rendered). For an hourly service, says how many worked minutes are beyond the included
 * hours and not yet on a surcharge invoice: the page then leads straight to issuing one
 * (docs/back-office.md#surcharges-for-extra-hours).
 */
export async function completeWork(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>, input: StaffActor & { orderId: string }): Promise<WorkResult<{ uninvoicedMinutes: number }>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = stepRefusal('complete', order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const state = orderMachine.transition(order.state, 'work_completed')!;
    await tx.update(orders).set({ state }).where(eq(orders.id, order.id));
    await queueCompletionReceipt(deps, tx, order);
    await recordOrderEvent(deps, tx, 'order.completed', [order.id]);

    const [service] = await tx.select({ billing: services.billing, includedHours: services.includedHours }).from(services).where(eq(services.id, order.serviceId));
    const logged = await loggedMinutes(tx, order.id);
    const { extraMinutes } = hoursBalance(logged, service?.billing === 'hourly' ? service.includedHours : null);
    const uninvoicedMinutes = Math.max(0, extraMinutes - (extraMinutes > 0 ? await invoicedExtraMinutes(tx, order.id) : 0));
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.completed',
      entity: 'order',
      entityId: order.id,
      details: { from: order.state, to: state, loggedMinutes: logged, extraMinutes, uninvoicedMinutes },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', uninvoicedMinutes };
  });
}
