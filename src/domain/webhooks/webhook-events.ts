// The events a CRM can subscribe to, and the JSON every delivery carries (docs/integrations.md).
// Version 1: fields may be added within a version, never renamed or removed.

export const webhookEventTypes = ['order.paid', 'order.contacted', 'order.completed', 'order.refunded', 'invoice.paid', 'client.created'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** `ping` is the «Отправить тестовое событие» button's: sent to one endpoint whatever it subscribes to. */
export type AnyWebhookEventType = WebhookEventType | 'ping';

export const WEBHOOK_EVENT_VERSION = 1;

export const webhookEventNames: Record<AnyWebhookEventType, string> = {
  'order.paid': 'Заказ оплачен',
  'order.contacted': 'С клиентом связались',
  'order.completed': 'Работа завершена',
  'order.refunded': 'Деньги возвращены',
  'invoice.paid': 'Доплата получена',
  'client.created': 'Новый клиент',
  ping: 'Тестовое событие',
};

export const isWebhookEventType = (value: unknown): value is WebhookEventType => webhookEventTypes.includes(value as WebhookEventType);

/** A sum as CRMs take it: integer kopecks, and roubles as a decimal string (no float rounding). */
export interface Money {
  kopecks: number;
  roubles: string;
}
export function money(kopecks: number): Money {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return { kopecks, roubles: `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` };
}

export interface StoredWebhookEvent {
  id: string;
  type: string;
  version: number;
  data: unknown;
  createdAt: Date;
}

/**
 * The exact bytes of a delivery: made from the stored event alone, so a retry or «Отправить ещё раз»
 * sends the same body (and the same event id) as the first attempt.
 */
export function webhookBody(event: StoredWebhookEvent): string {
  return JSON.stringify({ id: event.id, type: event.type, version: event.version, created_at: event.createdAt.toISOString(), data: event.data });
}

/** What an order event says about the order: enough for a CRM to create or find the lead. */
export interface OrderFacts {
  id: string;
  number: string;
  publicRef: string;
  state: string;
  serviceId: string;
  serviceTitle: string;
  priceKopecks: number;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  comment: string | null;
  createdAt: Date;
  paidAt: Date | null;
  clientId: string | null;
}

export function orderData(order: OrderFacts, adminUrl: string) {
  return {
    order: {
      id: order.id,
      number: order.number,
      ref: order.publicRef,
      state: order.state,
      created_at: order.createdAt.toISOString(),
      paid_at: order.paidAt?.toISOString() ?? null,
      comment: order.comment,
      admin_url: adminUrl,
    },
    service: { id: order.serviceId, title: order.serviceTitle },
    amount: money(order.priceKopecks),
    client: { id: order.clientId, name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    // The order form takes no UTM tags yet; the field is here so that receivers can already map it.
    utm: null,
  };
}
