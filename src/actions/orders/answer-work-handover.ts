import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { waitingHandover } from '../../db/queries/acceptance.js';
import { audit } from '../../db/queries/audit.js';
import { findClientOrder } from '../../db/queries/clients.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orders, workHandovers } from '../../db/schema/index.js';
import { checkRemarks } from '../../domain/orders/acceptance.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { cancelJob } from '../../queue.js';
import { completeAcceptedOrder } from './complete-accepted-order.js';

export type HandoverAnswer = 'accept' | 'remarks';

export type AnswerHandoverResult =
  | { kind: 'accepted' }
  | { kind: 'remarks_sent' }
  | { kind: 'not_found' }
  /** Nothing waits for an answer: answered already (another tab, a second click), accepted by silence, or never handed over. */
  | { kind: 'not_waiting' }
  | { kind: 'invalid'; error: string };

export interface AnswerHandoverInput {
  clientId: string;
  orderRef: string;
  body: Record<string, unknown>;
  ip: string;
}

/**
 * The client's answer to a hand-over, in the account: «Принять работу» completes the order (the same
 * completion as by silence: receipt, act, email); «Есть замечания» with the required text sends the work
 * back to `in_work` and alerts the order's manager (`order.remarks`). Either cancels the silence job and
 * is audited as the client's act (no staff member, the IP).
 */
export async function answerWorkHandover(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content' | 'calendar'>, input: AnswerHandoverInput): Promise<AnswerHandoverResult> {
  const answer = input.body.answer === 'accept' || input.body.answer === 'remarks' ? input.body.answer : null;
  if (!answer) return { kind: 'invalid', error: 'Выберите: принять работу или написать замечания.' };
  const remarks = answer === 'remarks' ? checkRemarks(input.body.remarks) : null;
  if (remarks && !remarks.ok) return { kind: 'invalid', error: remarks.error };
  const text = remarks?.ok ? remarks.remarks : '';
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const owned = await findClientOrder(tx, input.clientId, input.orderRef);
    const order = owned && (await lockOrder(tx, owned.id));
    if (!order) return { kind: 'not_found' };
    const handover = await waitingHandover(tx, order.id);
    if (!handover || order.state !== 'work_done') return { kind: 'not_waiting' };
    await cancelJob(deps.queue, tx, 'orders.accept-by-silence', handover.id);
    if (answer === 'accept') {
      await completeAcceptedOrder(deps, tx, order, handover, 'client', { now, ip: input.ip, clientId: input.clientId });
      return { kind: 'accepted' };
    }
    const state = orderMachine.transition(order.state, 'remarks_made')!;
    await tx.update(orders).set({ state }).where(eq(orders.id, order.id));
    await tx.update(workHandovers).set({ state: 'remarks', answeredAt: now, remarks: text }).where(eq(workHandovers.id, handover.id));
    await raiseStaffEvents(deps, tx, [{ kind: 'order.remarks', orderId: order.id, handoverId: handover.id, message: text }]);
    await audit(tx, {
      staffId: null,
      action: 'order.work_remarks',
      entity: 'order',
      entityId: order.id,
      details: { from: order.state, to: state, handoverId: handover.id, clientId: input.clientId, remarks: text },
      ip: input.ip,
      at: now,
    });
    return { kind: 'remarks_sent' };
  });
}
