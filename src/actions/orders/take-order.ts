import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { findStaff } from '../../db/queries/staff.js';
import { orders } from '../../db/schema/index.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { signalQueueChanged } from '../../db/queue-signal.js';
import type { StaffActor, WorkResult } from './work-result.js';

/** A manager takes an order nobody has taken; an order already someone's stays theirs (an admin can reassign it). */
export async function takeOrder(deps: Pick<Deps, 'db' | 'clock'>, input: StaffActor & { orderId: string }): Promise<WorkResult<{ already: boolean }>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    if (order.assignedStaffId === input.member.id) return { kind: 'done', already: true };
    if (order.assignedStaffId) {
      const owner = await findStaff(tx, order.assignedStaffId);
      return { kind: 'refused', reason: `Заказ уже ведёт ${owner?.name ?? 'другой сотрудник'}. Передать его может администратор.` };
    }
    if (order.state === 'awaiting_payment' || order.state === 'awaiting_transfer' || order.state === 'cancelled' || order.state === 'refunded') {
      return { kind: 'refused', reason: 'Этот заказ не оплачен или уже закрыт: брать его в работу не нужно.' };
    }
    await tx.update(orders).set({ assignedStaffId: input.member.id }).where(eq(orders.id, order.id));
    await signalQueueChanged(tx); // colleagues' open queues stop offering it
    await audit(tx, { staffId: input.member.id, action: 'order.taken', entity: 'order', entityId: order.id, ip: input.ip, at: now });
    return { kind: 'done', already: false };
  });
}
