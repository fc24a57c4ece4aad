import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { stepRefusal } from '../../domain/orders/order-workflow.js';
import { audit } from '../../db/queries/audit.js';
import { orders } from '../../db/schema/index.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import type { StaffActor, WorkResult } from './work-result.js';

/** specified → in work: the agreed specification is being done. */
export async function startWork(deps: Pick<Deps, 'db' | 'clock'>, input: StaffActor & { orderId: string }): Promise<WorkResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = stepRefusal('start', order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const state = orderMachine.transition(order.state, 'work_started')!;
    await tx.update(orders).set({ state }).where(eq(orders.id, order.id));
    await audit(tx, { staffId: input.member.id, action: 'order.work_started', entity: 'order', entityId: order.id, details: { from: order.state, to: state }, ip: input.ip, at: now });
    return { kind: 'done' };
  });
}
