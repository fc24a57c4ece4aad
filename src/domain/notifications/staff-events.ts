// What happened that staff should hear about (docs/notifications.md). Each event has a key that names
// it once and for all: with the recipient and the channel it makes a notification unique, so a
// duplicate callback or a retried job cannot alert anyone twice.

export const staffEventKinds = ['order.paid', 'invoice.paid', 'order.needs_review', 'receipt.failed', 'lead.created', 'lead.overdue', 'order.remarks', 'order.message'] as const;
export type StaffEventKind = (typeof staffEventKinds)[number];

export const staffEventNames: Record<StaffEventKind, string> = {
  'order.paid': 'Заказ оплачен',
  'invoice.paid': 'Доплата получена',
  'order.needs_review': 'Платёж требует проверки (сумма не совпала, оплачен дважды)',
  'receipt.failed': 'Касса не пробила чек (нужно выпустить его заново)',
  'lead.created': 'Заявка на звонок с сайта',
  'lead.overdue': 'Заявке не перезвонили в срок',
  'order.remarks': 'Клиент не принял работу: есть замечания',
  'order.message': 'Сообщение клиента по заказу',
};

export type StaffEvent =
  | { kind: 'order.paid'; orderId: string }
  | { kind: 'invoice.paid'; orderId: string; invoiceId: string }
  /** `paymentKey` names the gateway message that raised it: one alert per payment, however often it is repeated. */
  | { kind: 'order.needs_review'; orderId: string; paymentKey: string; message: string }
  /** The register failed a receipt for good: someone must look at the error and re-issue it (54-FZ). */
  | { kind: 'receipt.failed'; orderId: string; receiptId: string; message: string }
  /** A «заказать звонок» request from the site (docs/tilda.md): call the person back by its deadline. */
  | { kind: 'lead.created'; leadId: string }
  /** The lead's callback deadline passed and nobody marked the call made. */
  | { kind: 'lead.overdue'; leadId: string }
  /** The client answered a hand-over with remarks: the work is back in progress (`message`: the remarks). */
  | { kind: 'order.remarks'; orderId: string; handoverId: string; message: string }
  /** The client wrote in the order's conversation (docs/delivery.md): `message` is its start. */
  | { kind: 'order.message'; orderId: string; messageId: string; message: string };

export type OrderEvent = Exclude<StaffEvent, { leadId: string }>;

/** What an event is about: an order (its card, its assigned manager) or a lead (no card, no assignee). */
export const isOrderEvent = (event: StaffEvent): event is OrderEvent => 'orderId' in event;

export function staffEventKey(event: StaffEvent): string {
  switch (event.kind) {
    case 'order.paid':
      return `order.paid:${event.orderId}`;
    case 'invoice.paid':
      return `invoice.paid:${event.invoiceId}`;
    case 'order.needs_review':
      return `order.needs_review:${event.paymentKey}`;
    case 'receipt.failed':
      return `receipt.failed:${event.receiptId}`;
    case 'lead.created':
      return `lead.created:${event.leadId}`;
    case 'lead.overdue':
      return `lead.overdue:${event.leadId}`;
    case 'order.remarks':
      return `order.remarks:${event.handoverId}`;
    case 'order.message':
      return `order.message:${event.messageId}`;
  }
}

export const isStaffEventKind = (value: string): value is StaffEventKind => (staffEventKinds as readonly string[]).includes(value);
