import type { Deps } from '../../app-deps.js';
import { checkWorkEntry, type WorkEntryField } from '../../domain/orders/order-work-forms.js';
import { stepRefusal } from '../../domain/orders/order-workflow.js';
import { audit } from '../../db/queries/audit.js';
import { workEntries } from '../../db/schema/index.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import type { StaffActor, WorkResult } from './work-result.js';

/** Hours worked on an order, one entry per date and person, from the first contact until the work is done. */
export async function logWorkHours(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown> },
): Promise<WorkResult<{ minutes: number }, WorkEntryField>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = stepRefusal('hours', order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const checked = checkWorkEntry(input.body, { now, paidAt: order.paidAt });
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const entry = checked.value;
    const [row] = await tx
      .insert(workEntries)
      .values({ orderId: order.id, staffId: input.member.id, ...entry, createdAt: now })
      .returning({ id: workEntries.id });
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.hours_logged',
      entity: 'order',
      entityId: order.id,
      details: { entryId: row!.id, workDate: entry.workDate, minutes: entry.minutes },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', minutes: entry.minutes };
  });
}
