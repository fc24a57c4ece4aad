import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';
import type { ExtraHours, SoldService } from '../../domain/receipts/money-event.js';
import type { invoices, orders } from '../../db/schema/index.js';

// The facts a receipt is made of, read off the order and invoice rows (their snapshots, never the
// catalog as it is now).

type OrderRow = Pick<typeof orders.$inferSelect, 'id' | 'number' | 'serviceTitle' | 'priceKopecks' | 'vat'>;
type InvoiceRow = Pick<typeof invoices.$inferSelect, 'id' | 'ordinal' | 'extraMinutes' | 'hourlyRateKopecks' | 'amountKopecks'>;

/** The order's number as staff and the client see it, printed on the receipt (never the secret public reference). */
export const orderReference = (order: Pick<OrderRow, 'number'>) => `Заказ ${orderNumber(order.number)}`;
/** «Доплата У-1042-Д1»: the invoice's number already names its order. */
export const invoiceReference = (order: Pick<OrderRow, 'number'>, invoice: Pick<InvoiceRow, 'ordinal'>) => `Доплата ${invoiceNumber(order.number, invoice.ordinal)}`;

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
