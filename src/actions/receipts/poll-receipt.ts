import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { receipts } from '../../db/schema/index.js';
import { nextPollDelaySeconds } from '../../domain/receipts/receipt-flow.js';
import { enqueue } from '../../queue.js';
import { failReceipt, pollRetries } from './issue-receipt.js';
import { issueRetries } from './queue-receipt.js';

export type PollDeps = Pick<Deps, 'db' | 'clock' | 'queue' | 'log' | 'calendar' | 'cashRegister'>;
export type PollResult = { kind: 'done' | 'failed' | 'waiting' | 'sent_again' | 'nothing_to_do' | 'no_register' } | { kind: 'unavailable'; reason: string };

/**
 * Reads a waiting receipt's report at the register (the `receipts.poll` job): done → its fiscal
 * attributes are stored; fail → failed for staff; still waiting → read again later (2 s, 5 s, 10 s,
 * 30 s, then every minute). A read the register's callback asked for schedules nothing: the scheduled
 * reads carry on, so a forged callback can add one read, never a chain of them.
 */
export async function pollReceipt(deps: PollDeps, input: { receiptId: string; trigger?: 'callback' | 'staff' }): Promise<PollResult> {
  if (!deps.cashRegister) return { kind: 'no_register' };
  const [receipt] = await deps.db.select().from(receipts).where(eq(receipts.id, input.receiptId));
  if (receipt?.state !== 'wait' || !receipt.registerUuid) return { kind: 'nothing_to_do' };

  const answer = await deps.cashRegister.report(receipt.registerUuid);
  const now = deps.clock.now();
  switch (answer.kind) {
    case 'done': {
      const fiscal = answer.fiscal;
      await deps.db.transaction(async (tx) => {
        const [done] = await tx
        .update(receipts)
        .set({
          state: 'done',
          fiscalReceiptNumber: fiscal.fiscalReceiptNumber,
          shiftNumber: fiscal.shiftNumber,
          fnNumber: fiscal.fnNumber,
          fiscalDocumentNumber: fiscal.fiscalDocumentNumber,
          fiscalDocumentAttribute: fiscal.fiscalDocumentAttribute,
          registeredAt: fiscal.registeredAt,
          ofdReceiptUrl: fiscal.ofdReceiptUrl,
          errorCode: null,
          errorText: null,
          completedAt: now,
          updatedAt: now,
        })
        .where(and(eq(receipts.id, receipt.id), eq(receipts.state, 'wait')))
        .returning({ id: receipts.id });
        if (!done) return;
        await audit(tx, {
          staffId: null,
          action: 'receipt.issued',
          entity: 'receipt',
          entityId: receipt.id,
          details: { orderId: receipt.orderId, invoiceId: receipt.invoiceId, event: receipt.event, totalKopecks: receipt.totalKopecks, fnNumber: fiscal.fnNumber, fiscalDocumentNumber: fiscal.fiscalDocumentNumber, fiscalDocumentAttribute: fiscal.fiscalDocumentAttribute },
          at: now,
        });
      });
      if (fiscal.totalKopecks !== receipt.totalKopecks) {
        deps.log.error({ receiptId: receipt.id, registered: fiscal.totalKopecks, sent: receipt.totalKopecks }, 'the register made a receipt for another total');
      }
      return { kind: 'done' };
    }
    case 'fail':
      await failReceipt(deps, receipt.id, answer.error);
      return { kind: 'failed' };
    case 'not_found':
      return sendAgainOrFail(deps, receipt);
    case 'unavailable':
      return { kind: 'unavailable', reason: answer.reason };
    case 'wait':
      if (input.trigger) return { kind: 'waiting' };
      await deps.db.transaction(async (tx) => {
        const [row] = await tx
          .update(receipts)
          .set({ polls: sql`${receipts.polls} + 1`, updatedAt: now })
          .where(and(eq(receipts.id, receipt.id), eq(receipts.state, 'wait')))
          .returning({ polls: receipts.polls });
        if (row) await enqueue(deps.queue, tx, 'receipts.poll', [{ receiptId: receipt.id }], { startAfter: nextPollDelaySeconds(row.polls), ...pollRetries });
      });
      return { kind: 'waiting' };
  }
}

/** Calls to register one receipt after which a register that keeps forgetting it is left to staff. */
const MAX_REGISTER_CALLS = 3;

/**
 * The register says it does not know a uuid it gave us (a register that lost its state, such as the
 * development sandbox after a restart). Sending the stored document again under the same external id
 * is safe: a register that does hold it answers "duplicate" with its uuid, one that does not makes it
 * once. After a few such calls staff look (failed, alerted) rather than us asking forever.
 */
async function sendAgainOrFail(deps: PollDeps, receipt: typeof receipts.$inferSelect): Promise<PollResult> {
  if (receipt.attempts >= MAX_REGISTER_CALLS) {
    await failReceipt(deps, receipt.id, { code: 0, text: 'Касса не нашла чек по его uuid: проверьте его в личном кабинете кассы.' });
    return { kind: 'failed' };
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [again] = await tx
      .update(receipts)
      .set({ state: 'sent', registerUuid: null, errorCode: null, errorText: 'касса не нашла чек по uuid; отправлен снова с тем же external_id', updatedAt: now })
      .where(and(eq(receipts.id, receipt.id), eq(receipts.state, 'wait')))
      .returning({ id: receipts.id });
    if (again) await enqueue(deps.queue, tx, 'receipts.issue', [{ receiptId: receipt.id }], issueRetries);
  });
  deps.log.warn({ receiptId: receipt.id, attempts: receipt.attempts }, 'the register does not know this receipt; sending it again with the same external id');
  return { kind: 'sent_again' };
}
