import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { findStaff } from '../../db/queries/staff.js';
import { orders } from '../../db/schema/index.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { signalQueueChanged } from '../../db/queue-signal.js';
import type { StaffActor, WorkResult } from './work-result.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An admin gives an order to an active manager or admin (the route requires orders.assign). */
export async function assignOrder(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown> },
): Promise<WorkResult<{ assigneeName: string }, 'staff_id'>> {
  const staffId = input.body.staff_id;
  if (typeof staffId !== 'string' || !UUID.test(staffId)) return { kind: 'invalid', errors: { staff_id: 'Выберите сотрудника.' } };
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const assignee = await findStaff(tx, staffId);
    if (!assignee || assignee.state !== 'active' || assignee.role === 'accountant') {
      return { kind: 'invalid', errors: { staff_id: 'Заказ можно передать только работающему менеджеру или администратору.' } };
    }
    if (order.assignedStaffId !== assignee.id) {
      await tx.update(orders).set({ assignedStaffId: assignee.id }).where(eq(orders.id, order.id));
      await signalQueueChanged(tx);
      await audit(tx, {
        staffId: input.member.id,
        action: 'order.assigned',
        entity: 'order',
        entityId: order.id,
        details: { from: order.assignedStaffId, to: assignee.id },
        ip: input.ip,
        at: now,
      });
    }
    return { kind: 'done', assigneeName: assignee.name };
  });
}
