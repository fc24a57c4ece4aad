import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { deadlineInWords } from '../calendar/deadline-words.js';
import { formatRub } from '../money.js';
import type { OrderEvent } from './staff-events.js';

// The words of a staff alert, the same whatever the channel: each channel only renders them.

export interface AlertFacts {
  event: OrderEvent['kind'];
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

/** A call-back request from the site: there is no card and no money, so the phone is the message. */
export interface LeadAlertFacts {
  event: 'lead.created' | 'lead.overdue';
  name: string;
  /** E.164. */
  phone: string;
  /** The service as the site's form named it, if it did. */
  service: string | null;
  comment: string | null;
  callbackDueAt: Date;
  /** Somebody marked the call made (after the alert was raised): the deadline is no longer news. */
  contacted: boolean;
  leadsUrl: string;
}

export interface AlertMessage {
  title: string;
  /** Plain lines, in order; the channel escapes them. */
  lines: string[];
  cardUrl: string;
  /** The link's words: «Открыть карточку заказа», «Открыть заявки». */
  cardLabel: string;
}

/** Rendered when it is delivered, so "today" and "tomorrow" are right at the moment the person reads it. */
export function alertMessage(facts: AlertFacts, now: Date): AlertMessage {
  const titles: Record<AlertFacts['event'], string> = {
    'order.paid': `Заказ ${facts.orderNumber} оплачен`,
    'invoice.paid': `Доплата по заказу ${facts.orderNumber} получена`,
    'order.needs_review': `Заказ ${facts.orderNumber}: платёж требует проверки`,
    'receipt.failed': `Заказ ${facts.orderNumber}: касса не пробила чек`,
  };
  const lines = [
    ...(facts.details ? [facts.details] : []),
    `Услуга: ${facts.serviceTitle}`,
    `Клиент: ${facts.customerName}`,
    `Сумма: ${formatRub(facts.amountKopecks)}`,
  ];
  if (facts.event === 'order.paid' && facts.callbackDueAt) lines.push(`Позвонить ${deadlineInWords(facts.callbackDueAt, now)}`);
  return { title: titles[facts.event], lines, cardUrl: facts.cardUrl, cardLabel: 'Открыть карточку заказа' };
}

/** «Заявка на звонок: Иван Петров», the phone to dial, and when to call by (or that the time is up). */
export function leadAlertMessage(facts: LeadAlertFacts, now: Date): AlertMessage {
  const title = facts.event === 'lead.created' ? `Заявка на звонок: ${facts.name}` : `Заявке не перезвонили в срок: ${facts.name}`;
  const lines = [
    `Телефон: ${parsePhoneNumberFromString(facts.phone)?.formatInternational() ?? facts.phone}`,
    ...(facts.service ? [`Услуга: ${facts.service}`] : []),
    ...(facts.comment ? [`Комментарий: ${facts.comment}`] : []),
  ];
  if (facts.contacted) lines.push('Уже перезвонили.');
  else if (facts.event === 'lead.created') lines.push(`Позвонить ${deadlineInWords(facts.callbackDueAt, now)}`);
  else lines.push(`Срок звонка истёк: ${deadlineInWords(facts.callbackDueAt, now).replace(' до ', ' в ')}. Позвоните и отметьте «Перезвонили».`);
  return { title, lines, cardUrl: facts.leadsUrl, cardLabel: 'Открыть заявки' };
}
