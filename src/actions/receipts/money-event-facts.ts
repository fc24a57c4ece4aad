import { orderNumber } from '../../domain/orders/order-workflow.js';
import type { ExtraHours, SoldService } from '../../domain/receipts/money-event.js';
import type { invoices, orders } from '../../db/schema/index.js';

// The facts a receipt is made of, read off the order and invoice rows (their snapshots, never the
// catalog as it is now).

type OrderRow = Pick<typeof orders.$inferSelect, 'id' | 'serviceTitle' | 'priceKopecks' | 'vat'>;
type InvoiceRow = Pick<typeof invoices.$inferSelect, 'id' | 'extraMinutes' | 'hourlyRateKopecks' | 'amountKopecks'>;

/** The order's number as staff and the client see it, printed on the receipt (never the secret public reference). */
export const orderReference = (order: Pick<OrderRow, 'id'>) => `Заказ ${orderNumber(order.id)}`;
export const invoiceReference = (order: Pick<OrderRow, 'id'>, invoice: Pick<InvoiceRow, 'id'>) => `Доплата ${orderNumber(invoice.id)} к заказу ${orderNumber(order.id)}`;

export function soldService(order: OrderRow): SoldService {
  return { title: order.serviceTitle, priceKopecks: order.priceKopecks, vat: order.vat };
}

export function extraHours(order: OrderRow, invoice: InvoiceRow): ExtraHours {
  return {
    title: `Дополнительные часы: ${order.serviceTitle}`,
    hours: invoice.extraMinutes / 60,
    hourlyRateKopecks: invoice.hourlyRateKopecks,
    vat: order.vat,
    amountKopecks: invoice.amountKopecks,
  };
}
