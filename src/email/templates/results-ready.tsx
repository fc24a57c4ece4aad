import type { EmailContent } from './content.js';
import type { EmailSender } from './sender.js';
import { renderLetter } from './letter.js';

export interface ResultsReadyData {
  customerName: string;
  serviceTitle: string;
  /** «У-1042» (domain/orders/order-number.ts). */
  orderNumber: string;
  /** How many results this «Сообщить клиенту» published. */
  count: number;
  /** The order's results in the personal account: /account/orders/<publicRef>#results. */
  orderUrl: string;
}

/**
 * To the client once per «Сообщить клиенту» (docs/delivery.md): results are in the account. The files
 * themselves are never attached: they are downloaded after signing in.
 */
export function resultsReadyEmail(data: ResultsReadyData, sender: EmailSender): EmailContent {
  return renderLetter(
    {
      type: 'results_ready',
      subject: `Результаты по заказу ${data.orderNumber} готовы: ${data.serviceTitle}`,
      heading: 'Результаты готовы',
      customerName: data.customerName,
      blocks: [
        data.count === 1 ? 'По вашему заказу в личном кабинете появился результат работы:' : `По вашему заказу в личном кабинете появились результаты работы (${data.count}):`,
        { strong: `${data.serviceTitle}, заказ ${data.orderNumber}` },
        'Файлы и ссылки доступны после входа в личный кабинет:',
        { href: data.orderUrl, label: 'Открыть результаты' },
        'Если есть вопросы, напишите нам в переписке по заказу в личном кабинете.',
      ],
    },
    sender,
  );
}
