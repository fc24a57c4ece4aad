import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { EXTRA_HOURS_NOTE_MAX, extraHoursMachine } from '../../domain/invoices/extra-hours.js';
import { audit } from '../../db/queries/audit.js';
import { findClientOrder } from '../../db/queries/clients.js';
import { findExtraHoursRequest } from '../../db/queries/extra-hours.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { extraHoursRequests } from '../../db/schema/index.js';

export type ExtraHoursAnswer = 'approve' | 'discuss';

export type AnswerExtraHoursResult =
  | { kind: 'answered'; answer: ExtraHoursAnswer }
  | { kind: 'not_found' }
  /** Answered already (another tab, a second click). */
  | { kind: 'already_answered' }
  | { kind: 'invalid'; error: string };

export interface AnswerExtraHoursInput {
  clientId: string;
  orderRef: string;
  requestId: unknown;
  body: Record<string, unknown>;
  ip: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client answers a request for extra hours in the account: approve (the hours may then be
 * invoiced) or discuss (with a comment for the manager). Audited as the client's act, with no staff member.
 */
export async function answerExtraHours(deps: Pick<Deps, 'db' | 'clock'>, input: AnswerExtraHoursInput): Promise<AnswerExtraHoursResult> {
  const answer = input.body.answer === 'approve' || input.body.answer === 'discuss' ? input.body.answer : null;
  if (!answer) return { kind: 'invalid', error: 'Выберите: одобрить часы или обсудить с менеджером.' };
  const comment = (typeof input.body.comment === 'string' ? input.body.comment : '').trim();
  if (comment.length > EXTRA_HOURS_NOTE_MAX) return { kind: 'invalid', error: `Комментарий слишком длинный: не больше ${EXTRA_HOURS_NOTE_MAX} символов.` };
  if (typeof input.requestId !== 'string' || !UUID.test(input.requestId)) return { kind: 'not_found' };
  const requestId = input.requestId;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const owned = await findClientOrder(tx, input.clientId, input.orderRef);
    const order = owned && (await lockOrder(tx, owned.id));
    const request = order && (await findExtraHoursRequest(tx, order.id, requestId));
    if (!order || !request) return { kind: 'not_found' };
    const state = extraHoursMachine.transition(request.state, answer === 'approve' ? 'client_approved' : 'client_wants_discussion');
    if (!state) return { kind: 'already_answered' };
    await tx
      .update(extraHoursRequests)
      .set({ state, answeredAt: now, clientComment: comment || null })
      .where(and(eq(extraHoursRequests.id, request.id), eq(extraHoursRequests.state, 'pending')));
    await audit(tx, {
      staffId: null,
      action: answer === 'approve' ? 'order.extra_hours_approved' : 'order.extra_hours_discussion',
      entity: 'order',
      entityId: order.id,
      details: { requestId: request.id, clientId: input.clientId, minutes: request.minutes, comment: comment || null },
      ip: input.ip,
      at: now,
    });
    return { kind: 'answered', answer };
  });
}
