import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { invoiceRecipient } from '../../db/queries/invoices.js';
import { invoices, orders } from '../../db/schema/index.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';
import { queueEmail } from '../../email/queue-email.js';
import { surchargePaidEmail } from '../../email/templates/surcharge-invoice.js';

/** The client's page of one invoice, with its pay button (the link in the emails). */
export const invoicePageUrl = (publicUrl: string, invoiceRef: string) => `${publicUrl}/account/invoices/${invoiceRef}`;

/**
 * «Доплата получена», queued in the transaction that moved the invoices to paid: an invoice becomes
 * paid once, so each email is queued once.
 */
export async function queueInvoicePaidEmails(deps: Pick<Deps, 'queue' | 'clock' | 'config' | 'content'>, tx: Tx, invoiceIds: string[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  const rows = await tx.select({ invoice: invoices, order: orders }).from(invoices).innerJoin(orders, eq(orders.id, invoices.orderId)).where(inArray(invoices.id, invoiceIds));
  for (const { invoice, order } of rows) {
    const to = await invoiceRecipient(tx, order);
    const content = surchargePaidEmail(
      {
        customerName: to.name,
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        invoiceNumber: invoiceNumber(order.number, invoice.ordinal),
        amountKopecks: invoice.amountKopecks,
        invoiceUrl: invoicePageUrl(deps.config.PUBLIC_URL, invoice.publicRef),
      },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'surcharge_paid', to: to.email, orderId: order.id, clientId: to.clientId, content });
  }
}
