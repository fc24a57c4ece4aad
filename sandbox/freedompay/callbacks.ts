import { type CallbackAnswer, sendCallback } from './callback-transport.js';
import { checkFields, resultFields, withCanReject } from './callback-fields.js';
import { type SandboxContext, faultsFor, merchantOf } from './context.js';
import type { Fields } from './fields.js';
import { reverseOnMerchantRequest } from './lifecycle.js';
import type { Payment } from './store.js';

/**
 * What the gateway does with check and result callbacks (docs/freedompay-protocol.md#check-callback,
 * #result-callback): which answers count, retries on virtual time, and the result faults (drop, delay, repeat,
 * corrupt signature).
 */

async function deliver(ctx: SandboxContext, payment: Payment, kind: 'check' | 'result', url: string, fields: Fields, attempt: number): Promise<CallbackAnswer> {
  const at = ctx.clock.now();
  const answer = await sendCallback({
    url,
    method: payment.requestMethod,
    fields,
    secret: merchantOf(ctx, payment).secret,
    corruptSignature: faultsFor(ctx, payment).corruptSignature === true,
    timeoutMs: ctx.callbackTimeoutMs,
    shutdown: ctx.shutdown,
  });
  ctx.deliveries.push({
    kind,
    url,
    orderId: payment.orderId,
    attempt,
    httpStatus: answer.httpStatus,
    answerStatus: answer.status,
    at,
    ...(answer.error !== undefined ? { error: answer.error } : {}),
  });
  ctx.log.info({ kind, paymentId: payment.id, attempt, httpStatus: answer.httpStatus, status: answer.status, error: answer.error }, 'callback delivered');
  return answer;
}

/**
 * check_url before authorisation: only a correctly signed `ok` lets the payment go on; `rejected`, `error`,
 * anything unreadable, a non-200 or no answer in time is a refusal
 * (docs/freedompay-protocol.md#check-callback). No check URL, no check.
 */
export async function runCheck(ctx: SandboxContext, payment: Payment): Promise<boolean> {
  if (!payment.checkUrl) return true;
  const answer = await deliver(ctx, payment, 'check', payment.checkUrl, checkFields(payment), 1);
  return answer.error === undefined && answer.status === 'ok';
}

/**
 * Sends the result callback for a payment that has just reached its outcome. Resolves when the
 * first attempt has finished — at once when the fault switches drop or delay it.
 */
export async function deliverResult(ctx: SandboxContext, payment: Payment): Promise<void> {
  if (!payment.resultUrl) return;
  payment.resultFields = resultFields(payment, ctx.timeZone);
  const faults = faultsFor(ctx, payment);
  // A refusal only means something for a payment that went through.
  const canReject = payment.status === 'success';
  if (faults.dropResult) {
    ctx.log.info({ paymentId: payment.id }, 'result callback dropped (fault)');
    return;
  }
  if (faults.delayResultMs !== undefined && faults.delayResultMs > 0) {
    // Still the first attempt when it goes out, so it may still be refused (the payer has left by then).
    ctx.scheduler.at(ctx.clock.nowMs() + faults.delayResultMs, () => resultRound(ctx, payment, 1, canReject));
    return;
  }
  await resultRound(ctx, payment, 1, canReject);
}

async function resultRound(ctx: SandboxContext, payment: Payment, attempt: number, canReject: boolean): Promise<void> {
  const faults = faultsFor(ctx, payment);
  if (faults.dropResult || !payment.resultUrl || !payment.resultFields) return;
  const url = payment.resultUrl;
  const copies = Math.min(Math.max(Math.trunc(faults.repeatResult ?? 1), 1), 100);
  const fields = withCanReject(payment.resultFields, canReject);
  const answers = await Promise.all(Array.from({ length: copies }, () => deliver(ctx, payment, 'result', url, fields, attempt)));

  // Counted: a correctly signed `ok` or `rejected` on HTTP 200. Everything else — including a
  // signed `error` ("could not interpret") — is retried, as the PayBox SDK expects
  // (docs/freedompay-protocol.md#retries-and-duplicates).
  const counted = answers.filter((answer) => answer.error === undefined && (answer.status === 'ok' || answer.status === 'rejected'));
  const refusal = canReject ? counted.find((answer) => answer.status === 'rejected') : undefined;
  if (refusal) reverseOnMerchantRequest(payment, refusal.description);
  if (counted.length > 0) return;

  if (attempt > ctx.retry.count) {
    ctx.log.warn({ paymentId: payment.id, attempts: attempt }, 'result callback not accepted; giving up');
    return;
  }
  // Later attempts no longer allow refusal (docs/freedompay-protocol.md#retries-and-duplicates: the payment is
  // final once the first attempt failed).
  ctx.scheduler.at(ctx.clock.nowMs() + ctx.retry.intervalMs, () => resultRound(ctx, payment, attempt + 1, false));
}
