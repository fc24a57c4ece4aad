import { deadlineInWords } from '../calendar/deadline-words.js';
import { formatRub } from '../money.js';
import type { StaffEventKind } from './staff-events.js';

// The words of a staff alert, the same whatever the channel: each channel only renders them.

export interface AlertFacts {
  event: StaffEventKind;
  orderNumber: string;
  serviceTitle: string;
  customerName: string;
  /** The order's price, or the surcharge's for `invoice.paid`. */
  amountKopecks: number;
  /** The callback deadline while nobody has contacted the client yet; null otherwise. */
  callbackDueAt: Date | null;
  /** What to review (`order.needs_review`) or what the register said (`receipt.failed`). */
  details: string | null;
  cardUrl: string;
}

export interface AlertMessage {
  title: string;
  /** Plain lines, in order; the channel escapes them. */
  lines: string[];
  cardUrl: string;
}

/** Rendered when it is delivered, so "today" and "tomorrow" are right at the moment the person reads it. */
export function alertMessage(facts: AlertFacts, now: Date): AlertMessage {
  const titles: Record<StaffEventKind, string> = {
    'order.paid': `Заказ № ${facts.orderNumber} оплачен`,
    'invoice.paid': `Доплата по заказу № ${facts.orderNumber} получена`,
    'order.needs_review': `Заказ № ${facts.orderNumber}: платёж требует проверки`,
    'receipt.failed': `Заказ № ${facts.orderNumber}: касса не пробила чек`,
  };
  const lines = [
    ...(facts.details ? [facts.details] : []),
    `Услуга: ${facts.serviceTitle}`,
    `Клиент: ${facts.customerName}`,
    `Сумма: ${formatRub(facts.amountKopecks)}`,
  ];
  if (facts.event === 'order.paid' && facts.callbackDueAt) lines.push(`Позвонить ${deadlineInWords(facts.callbackDueAt, now)}`);
  return { title: titles[facts.event], lines, cardUrl: facts.cardUrl };
}
