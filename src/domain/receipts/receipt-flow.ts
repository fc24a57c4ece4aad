import type { ReceiptDocument, ReceiptKind, ReceiptState, Settlement } from './receipt.js';
import type { MoneyEvent } from './money-event.js';

// How a receipt travels once its money event happened (docs/receipts.md, "Settings and operations"):
// sent with a saved external id, then its report read on a schedule until the register says done or fail.

export const moneyEventKinds = ['order_paid', 'order_completed', 'invoice_paid', 'money_returned'] as const satisfies readonly MoneyEvent['kind'][];
export const receiptStates = ['queued', 'sent', 'wait', 'done', 'fail'] as const satisfies readonly ReceiptState[];

/** Still at the register or on its way there: staff look at those waiting too long. */
export const pendingStates: readonly ReceiptState[] = ['queued', 'sent', 'wait'];

/**
 * Seconds until the next report read after `polls` reads: 2 s, 5 s, 10 s, 30 s, then every minute.
 * Most receipts are done within seconds; a register that is slow is not asked more than once a minute.
 */
export function nextPollDelaySeconds(polls: number): number {
  const schedule = [2, 5, 10, 30];
  return schedule[polls] ?? 60;
}

/**
 * The external id of a re-issue: the failed receipt's own id with `:2`, `:3`… A register keeps an
 * external id for good, so a new one is what lets it make the receipt again; the suffix keeps the
 * link to the money event readable at the register.
 */
export function reissueExternalId(rootExternalId: string, issueNumber: number): string {
  return `${rootExternalId}:${issueNumber}`;
}

/** The money a receipt moves: its payments, less a prepayment it only offsets (that money came earlier). */
export function receiptMoneyKopecks(document: Pick<ReceiptDocument, 'payments'>): number {
  return document.payments.filter((p) => p.kind !== 'prepayment_offset').reduce((sum, p) => sum + p.sumKopecks, 0);
}

/** What a receipt is called for the client and staff. */
export function receiptTitle(kind: ReceiptKind, settlement: Settlement): string {
  if (kind === 'sale_refund') return 'Чек возврата прихода';
  return settlement === 'prepayment_100' ? 'Чек прихода (предоплата)' : 'Чек прихода (полный расчёт)';
}

export const receiptStateNames: Record<ReceiptState, string> = {
  queued: 'В очереди',
  sent: 'Отправлен в кассу',
  wait: 'Касса формирует',
  done: 'Готов',
  fail: 'Ошибка',
};

/** Money events as staff read them in the receipts list and the audit log. */
export const moneyEventNames: Record<MoneyEvent['kind'], string> = {
  order_paid: 'Оплата заказа',
  order_completed: 'Работа выполнена',
  invoice_paid: 'Оплата доплаты',
  money_returned: 'Возврат денег',
};

/** A receipt waits too long when it is not done or failed `minutes` after it was created. */
export function waitingTooLong(receipt: { state: ReceiptState; createdAt: Date }, now: Date, minutes: number): boolean {
  return pendingStates.includes(receipt.state) && now.getTime() - receipt.createdAt.getTime() > minutes * 60_000;
}

/** A receipt the register is still making, made recently enough that the client's page waits for it (10 minutes). */
export function receiptBeingMade(receipt: { state: ReceiptState; createdAt: Date }, now: Date): boolean {
  return pendingStates.includes(receipt.state) && !waitingTooLong(receipt, now, 10);
}
