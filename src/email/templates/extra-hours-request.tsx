import { proposeSurcharge } from '../../domain/invoices/surcharge.js';
import { formatRub } from '../../domain/money.js';
import { formatHours } from '../../domain/orders/work-hours.js';
import type { EmailContent } from './content.js';
import { renderLetter } from './letter.js';
import type { EmailSender } from './sender.js';

export interface ExtraHoursRequestData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  minutes: number;
  hourlyRateKopecks: number;
  /** The manager's note: why the hours are needed. */
  note: string;
  /** The order in the personal account, where the client approves or asks to discuss. */
  orderUrl: string;
}

/** To the client when staff ask to agree to hours beyond the agreed ones: nothing is billed until they approve. */
export function extraHoursRequestEmail(data: ExtraHoursRequestData, sender: EmailSender): EmailContent {
  const amount = proposeSurcharge({ workedMinutes: data.minutes, includedHours: 0, hourlyRateKopecks: data.hourlyRateKopecks }).amountKopecks;
  return renderLetter(
    {
      type: 'extra_hours_request',
      subject: `Согласуйте дополнительные часы по заказу ${data.orderNumber}: ${data.serviceTitle}`,
      heading: 'Согласуйте дополнительные часы',
      customerName: data.customerName,
      blocks: [
        `По вашему заказу ${data.orderNumber} нужно больше времени, чем согласовано:`,
        { strong: data.serviceTitle },
        { strong: `Дополнительно: ${formatHours(data.minutes)} × ${formatRub(data.hourlyRateKopecks)} за час = ${formatRub(amount)}` },
        ...data.note.split('\n').filter((line) => line.trim() !== ''),
        'Без вашего согласия мы не выставим счёт за эти часы. Одобрите их или попросите менеджера обсудить в личном кабинете:',
        { href: data.orderUrl, label: 'Открыть заказ в личном кабинете' },
        `Есть вопросы — ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
