import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { renderLetter } from './letter.js';

export interface GatewayIdConflictData {
  adminName: string;
  at: Date;
  orderNumber: string;
  /** The number the gateway gave the new payment, already held by another payment attempt. */
  gatewayPaymentId: string;
  /** The order whose attempt already holds that number, when it could be found. */
  heldByOrderNumber: string | null;
  cardUrl: string;
}

/**
 * To every active admin when the gateway answered a new payment with a number we already keep for
 * another one: the client could not pay, and someone must find out why the gateway repeats numbers.
 */
export function gatewayIdConflictEmail(data: GatewayIdConflictData, sender: EmailSender): EmailContent {
  const held = data.heldByOrderNumber ? `у платежа по заказу ${data.heldByOrderNumber}` : 'у другого платежа';
  return renderLetter(
    {
      subject: `Платёжный шлюз повторил номер платежа: клиент не смог оплатить заказ ${data.orderNumber}`,
      heading: 'Платёжный шлюз повторил номер платежа',
      customerName: data.adminName,
      blocks: [
        `${moscowDateTime(data.at)} (мск) платёжный шлюз создал платёж по заказу ${data.orderNumber} под номером ${data.gatewayPaymentId}, но этот номер уже есть ${held}.`,
        'Заказ сохранён, деньги не списаны: клиент увидел, что оплата сейчас недоступна, и может попробовать ещё раз. Новая попытка получит новый номер.',
        // Latin words among Cyrillic ones score as spam (MIXED_ES): the settings are named in the docs instead.
        { strong: 'Если такое повторяется, проверьте настройки подключения к платёжному шлюзу (не подключён ли тестовый шлюз к рабочей базе) и напишите в поддержку платёжного сервиса.' },
        { href: data.cardUrl, label: 'Открыть заказ' },
      ],
    },
    sender,
  );
}
