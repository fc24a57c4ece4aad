import { oneLine, type EmailContent } from './content.js';
import { renderLetter } from './letter.js';
import type { EmailSender } from './sender.js';

export interface WorkHandedOverData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  /** «14 января 2027 г.»: the last day to answer (lastAcceptanceDay). */
  lastDay: string;
  /** «5 (пяти) рабочих дней», as the offer says. */
  period: string;
  /** The order in the personal account, where the client accepts or writes remarks. */
  orderUrl: string;
}

/** To the client when staff hand the work over: accept it or say what is missing, by the deadline. */
export function workHandedOverEmail(data: WorkHandedOverData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'work_handed_over',
      subject: oneLine(`Работа по заказу ${data.orderNumber} сдана, примите её: ${data.serviceTitle}`),
      heading: 'Работа сдана: примите её',
      customerName: data.customerName,
      blocks: [
        'Мы закончили работу по вашему заказу:',
        { strong: `${data.serviceTitle}, заказ ${data.orderNumber}` },
        `Проверьте результат и в личном кабинете нажмите «Принять работу» или «Есть замечания» — напишите, что не сделано или сделано не так, и мы исправим.`,
        { strong: `Ответьте до ${data.lastDay} включительно.` },
        `По оферте на приёмку у вас ${data.period}: если до конца этого срока замечаний не будет, работа считается принятой без замечаний.`,
        { href: data.orderUrl, label: 'Открыть заказ в личном кабинете' },
        `Есть вопросы — ответьте на это письмо или позвоните нам: ${sender.company.phone}.`,
      ],
    },
    sender,
  );
}
