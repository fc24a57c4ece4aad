import type { Deps } from '../../app-deps.js';
import { findHandover } from '../../db/queries/acceptance.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import type { JobOptions } from '../../queue.js';
import { completeAcceptedOrder } from './complete-accepted-order.js';

export type SilenceOutcome = 'accepted' | 'not_due' | 'answered' | 'not_waiting' | 'not_found';

/**
 * The `orders.accept-by-silence` job of one hand-over (job id = the hand-over's id, so the client's answer
 * cancels it and a second hand-over gets a job of its own). It starts at the deadline; a retry stands in
 * for a job started early by a clock that runs ahead of ours (the worker fails a "not due" run).
 */
export const acceptanceJob = (handoverId: string, acceptBy: Date): JobOptions & { id: string; data: { handoverId: string } } => ({
  id: handoverId,
  data: { handoverId },
  startAfter: acceptBy,
  retryLimit: 30,
  retryDelay: 60,
});

/**
 * At the end of the acceptance period: if the client neither accepted nor made remarks, the order is
 * completed «принято без замечаний по истечении срока» — once, however often the job runs; an answered
 * hand-over, or an order that left `work_done` (cancelled, refunded), is left alone.
 */
export async function acceptBySilence(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>, handoverId: string): Promise<SilenceOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const first = await findHandover(tx, handoverId);
    const order = first && (await lockOrder(tx, first.orderId));
    // Read again under the order's lock: the client may have answered meanwhile.
    const handover = order && (await findHandover(tx, handoverId));
    if (!order || !handover) return 'not_found';
    if (handover.state !== 'waiting') return 'answered';
    if (order.state !== 'work_done') return 'not_waiting';
    if (now < handover.acceptBy) return 'not_due';
    await completeAcceptedOrder(deps, tx, order, handover, 'silence', { now });
    return 'accepted';
  });
}
