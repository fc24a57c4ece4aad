import { parseHours } from '../orders/work-hours.js';
import { defineMachine } from '../state-machine.js';

// Extra hours only with the client's agreement (docs/back-office.md#extra-hours-need-the-clients-agreement).
// The words, the same on every page and email:
// - included («входит в услугу»): the hours the service's price covers;
// - agreed («согласовано»): what the client agreed to — the specification's hours (never less than the
//   included ones), plus every extra-hours request the client approved in the account;
// - worked («отработано»): the hours logged by staff;
// - to pay («к доплате»): worked hours beyond the included ones, up to the agreed ones, not yet invoiced.
// Hours worked beyond the agreed ones are never invoiced until the client approves them.

export const extraHoursStates = ['pending', 'approved', 'discuss'] as const;
export type ExtraHoursState = (typeof extraHoursStates)[number];
export type ExtraHoursEvent = 'client_approved' | 'client_wants_discussion';

/** A request to work (and bill) hours beyond the agreed ones: the client approves it or asks to discuss. */
export const extraHoursMachine = defineMachine<ExtraHoursState, ExtraHoursEvent>('pending', {
  pending: { client_approved: 'approved', client_wants_discussion: 'discuss' },
  approved: {},
  discuss: {},
});

export interface HoursPicture {
  includedMinutes: number;
  /** The current specification's hours; null before one is agreed. */
  specificationMinutes: number | null;
  workedMinutes: number;
  /** Extra hours requests the client approved. */
  approvedMinutes: number;
  /** A request still waiting for the client's answer. */
  pendingMinutes: number;
  /** Extra time already on open or paid invoices. */
  invoicedMinutes: number;
}

export interface HoursSummary {
  /** Agreed with the client: the specification (at least the included hours) plus approved requests. */
  agreedMinutes: number;
  /** Worked beyond the agreed hours: not billable until the client approves them. */
  unapprovedMinutes: number;
  /** Of those, not yet asked for in a pending request: what the next request should propose. */
  unaskedMinutes: number;
  /** Worked beyond the included hours, within the agreed ones, not yet invoiced. */
  toPayMinutes: number;
}

export function hoursSummary(p: HoursPicture): HoursSummary {
  const agreedMinutes = Math.max(p.includedMinutes, p.specificationMinutes ?? 0) + p.approvedMinutes;
  const unapprovedMinutes = Math.max(0, p.workedMinutes - agreedMinutes);
  const billableWorked = Math.min(p.workedMinutes, agreedMinutes);
  return {
    agreedMinutes,
    unapprovedMinutes,
    unaskedMinutes: Math.max(0, unapprovedMinutes - p.pendingMinutes),
    toPayMinutes: Math.max(0, billableWorked - p.includedMinutes - p.invoicedMinutes),
  };
}

export type MayInvoice = { ok: true; minutes: number } | { ok: false; reason: 'awaiting_client' | 'not_agreed' | 'nothing_to_pay' };

/**
 * Whether a surcharge may be invoiced now, and for how many minutes: only hours the client agreed to.
 * Worked hours beyond the agreement wait for the client's answer (a pending request) or for a request.
 */
export function mayInvoice(p: HoursPicture): MayInvoice {
  const summary = hoursSummary(p);
  if (summary.toPayMinutes > 0) return { ok: true, minutes: summary.toPayMinutes };
  if (summary.unapprovedMinutes > 0) return { ok: false, reason: p.pendingMinutes > 0 ? 'awaiting_client' : 'not_agreed' };
  return { ok: false, reason: 'nothing_to_pay' };
}

/** A request may be made while the work goes on or is done, one at a time. */
export function extraHoursRequestRefusal(basis: { billing: 'fixed' | 'hourly'; orderState: string; hasPending: boolean }): string | null {
  if (basis.billing !== 'hourly') return 'Услуга оплачивается фиксированной суммой: дополнительные часы к ней не согласуются.';
  if (!['specified', 'in_work', 'work_done', 'completed'].includes(basis.orderState)) return 'Дополнительные часы согласуются после спецификации, пока заказ в работе или выполнен.';
  if (basis.hasPending) return 'Клиент ещё не ответил на прежний запрос: дождитесь ответа.';
  return null;
}

export const EXTRA_HOURS_NOTE_MAX = 1000;

export type ExtraHoursField = 'hours' | 'note';
export type ExtraHoursCheck = { ok: true; value: { minutes: number; note: string } } | { ok: false; errors: Partial<Record<ExtraHoursField, string>> };

/** The staff form «Запросить согласие клиента»: hours (quarter hours, more than zero) and a note for the client. */
export function checkExtraHoursRequest(body: Record<string, unknown>): ExtraHoursCheck {
  const errors: Partial<Record<ExtraHoursField, string>> = {};
  const hours = parseHours(typeof body.hours === 'string' ? body.hours : '', { allowZero: false, maxMinutes: 500 * 60, tooMany: 'Не больше 500 ч за один запрос.' });
  if (!hours.ok) errors.hours = hours.error;
  const note = (typeof body.note === 'string' ? body.note : '').replace(/\r\n/g, '\n').trim();
  if (!note) errors.note = 'Напишите клиенту, зачем нужны дополнительные часы: что ещё будет сделано.';
  else if (note.length > EXTRA_HOURS_NOTE_MAX) errors.note = `Не больше ${EXTRA_HOURS_NOTE_MAX} символов.`;
  if (!hours.ok || errors.note) return { ok: false, errors };
  return { ok: true, value: { minutes: hours.minutes, note } };
}
