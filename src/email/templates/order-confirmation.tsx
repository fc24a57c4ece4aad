import { WordingEnd, wordingEndText } from './letter.js';
import { wordingFor, type EmailSender } from './sender.js';
import { formatRub } from '../../domain/money.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { DetailsTable, emailStyles as s, LinkButton, renderEmail } from './layout.js';

export interface OrderConfirmationData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  priceKopecks: number;
  paidKopecks: number;
  /** Brand as shown to people ("Visa"), or null when the gateway did not say. */
  card: { brand: string | null; last4: string } | null;
  paidAt: Date;
  publicUrl: string;
  orderRef: string;
  /** When the manager will call, in words that stay true when read later: «в понедельник, 30 ноября, до 10:00» (never «сегодня»). */
  managerDeadline: string;
  /** Receipts are issued (RECEIPTS is not off): say that the cash receipt comes from the register's OFD. */
  receiptByOfd?: boolean;
  /** Paid by bank transfer against this invoice («Счёт на оплату № 17 от 07.12.2026»), not by card. */
  bankInvoice?: string;
}

/** Sent once an order is paid: what was bought, what was charged, and who calls when. */
export function orderConfirmation(data: OrderConfirmationData, sender: EmailSender): EmailContent {
  const wording = wordingFor(sender, 'order_paid', data.customerName);
  const orderUrl = `${data.publicUrl}/orders/${encodeURIComponent(data.orderRef)}`;
  const card = data.card ? `${data.card.brand ? `${data.card.brand} ` : ''}•••• ${data.card.last4}` : null;
  const rows: [string, string][] = [
    ['Номер заказа', data.orderNumber],
    ['Услуга', data.serviceTitle],
    ['Стоимость', formatRub(data.priceKopecks)],
    ['Оплачено', formatRub(data.paidKopecks)],
    ...(card ? [['Карта', card] as [string, string]] : []),
    ...(data.bankInvoice ? [['Оплачено переводом', `по счёту: ${data.bankInvoice}`] as [string, string]] : []),
    ['Дата оплаты', `${moscowDateTime(data.paidAt)} (мск)`],
  ];
  const next = `Менеджер свяжется с вами ${data.managerDeadline} (по московскому времени), чтобы уточнить детали и согласовать работу.`;
  const receipt = data.receiptByOfd
    ? 'Кассовый чек придёт отдельным письмом от оператора фискальных данных (ОФД) нашей онлайн-кассы на этот адрес; он же появится на странице заказа.'
    : null;
  const questions = `Если у вас есть вопросы, просто ответьте на это письмо или позвоните нам: ${sender.company.phone}.`;

  const body = (
    <>
      <h1 style={s.heading}>Заказ оплачен</h1>
      <p style={s.paragraph}>{wording.greeting}</p>
      <p style={s.paragraph}>Спасибо за оплату. Мы получили ваш заказ и уже передали его менеджеру.</p>
      <DetailsTable rows={rows} />
      {receipt && <p style={s.paragraph}>{receipt}</p>}
      <h2 style={s.subheading}>Что дальше</h2>
      <p style={s.paragraph}>{next}</p>
      <p style={s.paragraph}>Состояние заказа всегда видно на его странице:</p>
      <LinkButton href={orderUrl} label="Открыть страницу заказа" />
      <p style={s.paragraph}>{questions}</p>
      <WordingEnd wording={wording} />
    </>
  );

  const text = [
    wording.greeting,
    '',
    'Спасибо за оплату. Мы получили ваш заказ и уже передали его менеджеру.',
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    ...(receipt ? [receipt, ''] : []),
    'Что дальше',
    next,
    '',
    `Страница заказа: ${orderUrl}`,
    '',
    questions,
    ...wordingEndText(wording),
  ].join('\n');

  return renderEmail({ subject: `Заказ ${data.orderNumber} оплачен: ${data.serviceTitle}`, company: sender.company, body, text });
}
