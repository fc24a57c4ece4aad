import type { EmailSender } from './sender.js';
import { formatHours } from '../../domain/orders/work-hours.js';
import type { EmailContent } from './content.js';
import { renderLetter, type LetterBlock } from './letter.js';

export interface SpecificationAgreedData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  text: string;
  agreedMinutes: number;
  /** The order in the personal account: /account/orders/<publicRef>. */
  orderUrl: string;
  /** A later version replacing an earlier one. */
  revised: boolean;
}

/** To the client when the manager records the agreed specification: what will be done and how many hours. */
export function specificationAgreedEmail(data: SpecificationAgreedData, sender: EmailSender): EmailContent {
  // Each line of the specification is its own paragraph: a list typed as "- …" lines stays a list.
  const lines: LetterBlock[] = data.text.split('\n').filter((line) => line.trim() !== '');
  return renderLetter(
    {
      type: 'specification_agreed',
      subject: `Спецификация по заказу ${data.orderNumber} согласована: ${data.serviceTitle}`,
      heading: data.revised ? 'Спецификация обновлена' : 'Спецификация согласована',
      customerName: data.customerName,
      blocks: [
        data.revised ? 'Мы обновили согласованную спецификацию по вашему заказу; она заменяет предыдущую.' : 'Мы согласовали с вами спецификацию по заказу:',
        { strong: `Заказ ${data.orderNumber}: ${data.serviceTitle}` },
        ...lines,
        ...(data.agreedMinutes > 0 ? [{ strong: `Согласованный объём работ: ${formatHours(data.agreedMinutes)}` }] : []),
        'Спецификация и ход работ всегда видны в личном кабинете:',
        { href: data.orderUrl, label: 'Открыть заказ в личном кабинете' },
        `Если что-то указано неверно, ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
