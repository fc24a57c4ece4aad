import type { Deps } from '../../app-deps.js';
import { formatRub, parseRoubles, roublesForInput } from '../../domain/money.js';
import { cancelPayment } from './cancel-payment.js';
import type { OperationDeps, OperationResult } from './payment-operation.js';
import { refundPayment } from './refund-payment.js';
import { planReturn, type ReturnPlan } from './plan-return.js';

export const REASON_MAX = 500;
export const WORK_DONE_MAX = 2000;

/** `form`: a refusal that belongs to no single field. */
export type ReturnField = 'amount' | 'reason' | 'work_done' | 'form';
export type ReturnErrors = Partial<Record<ReturnField, string>>;
export interface ReturnValues {
  amount: string;
  reason: string;
  work_done: string;
}

export type ReturnOutcome =
  | { kind: 'not_found' }
  /** Nothing can be done, or the decision is no longer what the page showed: show the page again. */
  | { kind: 'blocked' | 'changed'; plan: ReturnPlan; values: ReturnValues }
  | { kind: 'invalid'; plan: ReturnPlan; values: ReturnValues; errors: ReturnErrors }
  /** The form is in order and nothing was done: ask «Вернуть … клиенту …? Это нельзя отменить». */
  | { kind: 'confirm'; plan: ReturnPlan & { decision: NonNullable<ReturnPlan['decision']> }; values: ReturnValues; amountKopecks: number }
  | { kind: 'done'; plan: ReturnPlan; result: Extract<OperationResult, { operationId: string }> };

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max + 1) : '');

/**
 * The return form's POST: decides again (the day may have closed since the page was shown), checks
 * the fields, then — only once `confirmed` (the confirmation page's button) — cancels or refunds. The
 * attempt's row lock in runOperation makes two staff members pressing at once safe: the second sees
 * the first's refund and is refused if too little is left.
 */
export async function returnPayment(
  deps: OperationDeps & Pick<Deps, 'gateway'>,
  input: { attemptId: string; staffId: string; ip: string | null; body: Record<string, unknown>; confirmed: boolean },
): Promise<ReturnOutcome> {
  const { body } = input;
  const values: ReturnValues = { amount: text(body.amount, 40), reason: text(body.reason, REASON_MAX).trim(), work_done: text(body.work_done, WORK_DONE_MAX).trim() };
  const plan = await planReturn(deps, input.attemptId);
  if (!plan) return { kind: 'not_found' };
  if (!plan.decision) return { kind: 'blocked', plan, values };
  if (body.kind !== plan.decision.kind) return { kind: 'changed', plan, values };

  // Built in the order of the form, so the summary at the top lists them as the fields come.
  const errors: ReturnErrors = {};
  let amountKopecks = plan.refundableKopecks;
  if (plan.decision.kind === 'refund') {
    const parsed = parseRoubles(values.amount);
    if (!parsed.ok) errors.amount = parsed.error;
    else if (parsed.kopecks > plan.refundableKopecks) errors.amount = `Больше, чем можно вернуть: не более ${formatRub(plan.refundableKopecks)}.`;
    else amountKopecks = parsed.kopecks;
  }
  if (values.work_done.length > WORK_DONE_MAX) errors.work_done = `Не длиннее ${WORK_DONE_MAX} символов.`;
  if (values.reason === '') errors.reason = 'Укажите причину: она попадёт в журнал действий и в заявку для банка.';
  else if (values.reason.length > REASON_MAX) errors.reason = `Причина — не длиннее ${REASON_MAX} символов.`;
  if (Object.keys(errors).length > 0) return { kind: 'invalid', plan, values, errors };
  // The confirmation page sends back the amount as checked here, so what it asked about is what is done.
  if (!input.confirmed) return { kind: 'confirm', plan: { ...plan, decision: plan.decision }, values: { ...values, amount: roublesForInput(amountKopecks) }, amountKopecks };

  const staff = {
    staffId: input.staffId,
    ip: input.ip,
    workDoneNote: values.work_done || null,
    auditDetails: { orderId: plan.order.id, invoiceId: plan.attempt.invoiceId, why: plan.decision.why },
  };
  const result =
    plan.decision.kind === 'cancel'
      ? await cancelPayment(deps, { attemptId: plan.attempt.id, reason: values.reason, staff })
      : await refundPayment(deps, { attemptId: plan.attempt.id, amountKopecks, reason: values.reason, staff });
  if (result.kind === 'not_allowed') {
    // Someone else was quicker: show the page as it is now, with the refusal next to the amount.
    const fresh = (await planReturn(deps, input.attemptId)) ?? plan;
    const field = plan.decision.kind === 'refund' && fresh.decision?.kind === 'refund' ? 'amount' : 'form';
    return { kind: 'invalid', plan: fresh, values, errors: { [field]: result.reason } };
  }
  return { kind: 'done', plan, result };
}
