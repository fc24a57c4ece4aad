import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { receipts } from '../../db/schema/index.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { nextPollDelaySeconds } from '../../domain/receipts/receipt-flow.js';
import { enqueue } from '../../queue.js';
import type { RegisterError } from '../../receipts/cash-register.js';

export type IssueDeps = Pick<Deps, 'db' | 'clock' | 'queue' | 'log' | 'config' | 'calendar' | 'cashRegister'>;
export type IssueResult = { kind: 'waiting' | 'failed' | 'nothing_to_do' | 'no_register' } | { kind: 'unavailable'; reason: string };

/** The register could not be reached: the job fails, and pg-boss retries it with backoff. */
export class RegisterUnavailableError extends Error {
  constructor(reason: string) {
    super(`cash register unavailable: ${reason}`);
  }
}

/** Where the register posts its report when a receipt is done or failed (it only makes us read the report). */
export const registerCallbackUrl = (config: Deps['config']) => `${config.PUBLIC_URL}/receipts/atol/callback`;

/**
 * Sends a queued receipt to the register (the `receipts.issue` job), always the stored document under
 * the stored external id, so a retry after a lost answer can never make a second receipt:
 * accepted → wait, and its report is read on a schedule; duplicate → the register already has it, read
 * that one's report; rejected → fail with the register's error, for staff; unavailable → tried again.
 */
export async function issueReceipt(deps: IssueDeps, receiptId: string): Promise<IssueResult> {
  const register = deps.cashRegister;
  if (!register) return { kind: 'no_register' };
  const now = deps.clock.now();
  // "sent" before the call: from here on, the register may hold it even if we never hear back.
  const [receipt] = await deps.db
    .update(receipts)
    .set({ state: 'sent', attempts: sql`${receipts.attempts} + 1`, sentAt: sql`coalesce(${receipts.sentAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(receipts.id, receiptId), inArray(receipts.state, ['queued', 'sent'])))
    .returning();
  if (!receipt) return { kind: 'nothing_to_do' };

  const answer = await register.register(receipt.document, receipt.externalId, { callbackUrl: registerCallbackUrl(deps.config), at: receipt.createdAt });
  if (answer.kind === 'unavailable') {
    await deps.db.update(receipts).set({ errorCode: null, errorText: answer.reason, updatedAt: deps.clock.now() }).where(eq(receipts.id, receipt.id));
    deps.log.warn({ receiptId: receipt.id, attempts: receipt.attempts, reason: answer.reason }, 'cash register unavailable; the receipt will be sent again with the same external id');
    return { kind: 'unavailable', reason: answer.reason };
  }
  if (answer.kind === 'rejected') {
    await failReceipt(deps, receipt.id, answer.error);
    return { kind: 'failed' };
  }
  if (answer.kind === 'duplicate' && !answer.uuid) {
    // The register has a document under this id but did not say which: nothing to read, staff must look.
    await failReceipt(deps, receipt.id, { code: 0, text: 'Касса уже приняла чек с этим external_id, но не сообщила его uuid: проверьте чек в личном кабинете кассы.' });
    return { kind: 'failed' };
  }
  if (answer.kind === 'duplicate') deps.log.info({ receiptId: receipt.id }, 'the register already had this receipt; reading its report');
  await deps.db.transaction(async (tx) => {
    const [waiting] = await tx
      .update(receipts)
      .set({ state: 'wait', registerUuid: answer.uuid, polls: 0, errorCode: null, errorText: null, updatedAt: deps.clock.now() })
      .where(and(eq(receipts.id, receipt.id), eq(receipts.state, 'sent')))
      .returning({ id: receipts.id });
    if (waiting) await enqueue(deps.queue, tx, 'receipts.poll', [{ receiptId: receipt.id }], { startAfter: nextPollDelaySeconds(0), ...pollRetries });
  });
  return { kind: 'waiting' };
}

/** A report that cannot be read (register unreachable) is read again by pg-boss's retries. */
export const pollRetries = { retryLimit: 60, retryDelay: 10, retryBackoff: true, retryDelayMax: 600 } as const;

/** The register refused or failed the receipt: kept with its error, audited, listed for staff, and staff are alerted. */
export async function failReceipt(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'queue' | 'calendar'>, receiptId: string, error: RegisterError): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [failed] = await tx
      .update(receipts)
      .set({ state: 'fail', errorCode: error.code, errorText: error.text, completedAt: now, updatedAt: now })
      .where(and(eq(receipts.id, receiptId), inArray(receipts.state, ['sent', 'wait'])))
      .returning();
    if (!failed) return;
    await audit(tx, {
      staffId: null,
      action: 'receipt.failed',
      entity: 'receipt',
      entityId: failed.id,
      details: { orderId: failed.orderId, invoiceId: failed.invoiceId, event: failed.event, externalId: failed.externalId, errorCode: error.code, errorText: error.text },
      at: now,
    });
    const message = `Ошибка кассы ${error.code}: ${error.text}`;
    await raiseStaffEvents(deps, tx, [{ kind: 'receipt.failed', orderId: failed.orderId, receiptId: failed.id, message }]);
  });
  deps.log.error({ receiptId, errorCode: error.code }, 'the cash register failed a receipt; staff must re-issue it (/admin/receipts)');
}
