import { oneLine, type EmailContent } from './content.js';
import { renderLetter } from './letter.js';
import type { EmailSender } from './sender.js';

export interface WorkAcceptedData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  /** «Акт об оказании услуг № 17 от 6 декабря 2026 г.» */
  actTitle: string;
  /** Accepted in the account, or by letting the acceptance period pass. */
  acceptance: 'client' | 'silence';
  /** The order in the personal account, where the act is (a link, not an attachment: decision 037). */
  orderUrl: string;
}

/** To the client once, when the order is completed: the act of services rendered is in the account. */
export function workAcceptedEmail(data: WorkAcceptedData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'work_accepted',
      subject: oneLine(`Заказ ${data.orderNumber} выполнен, акт об оказании услуг: ${data.serviceTitle}`),
      heading: 'Заказ выполнен',
      customerName: data.customerName,
      blocks: [
        data.acceptance === 'client' ? 'Вы приняли работу по заказу:' : 'Срок приёмки истёк без замечаний, и работа по заказу считается принятой:',
        { strong: `${data.serviceTitle}, заказ ${data.orderNumber}` },
        `${data.actTitle} — в личном кабинете, его можно открыть и скачать в PDF:`,
        { href: data.orderUrl, label: 'Открыть акт в личном кабинете' },
        'Кассовый чек полного расчёта придёт отдельным письмом от оператора фискальных данных.',
        `Спасибо, что работаете с нами! Если что-то понадобится — ответьте на это письмо или позвоните: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
