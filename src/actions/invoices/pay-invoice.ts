import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { invoiceNumber } from '../../domain/orders/order-number.js';
import { latestAttemptForInvoice } from '../../db/queries/invoices.js';
import { invoices, orders, paymentAttempts } from '../../db/schema/index.js';
import { invoicePageUrl } from './notify-invoice-paid.js';
import { sendAttemptToGateway, type PaymentStart } from '../payments/send-attempt-to-gateway.js';

/**
 * Sends the client to the gateway for one of their open surcharge invoices, exactly as an order is
 * paid (pay-order.ts): the attempt (with invoice_id and the invoice's amount) is stored before the
 * call, an unfinished one is resumed, and one whose outcome is unknown is re-sent with the same
 * idempotency key. The gateway brings the payer back to the invoice's page.
 */
export async function payInvoice(
  deps: Pick<Deps, 'db' | 'clock' | 'gateway' | 'log' | 'config' | 'queue' | 'content'>,
  input: { clientId: string; invoiceRef: string },
): Promise<PaymentStart> {
  const { db, clock, gateway } = deps;
  const now = clock.now();
  const prepared = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ invoice: invoices, serviceTitle: orders.serviceTitle, orderNumber: orders.number })
      .from(invoices)
      .innerJoin(orders, eq(orders.id, invoices.orderId))
      .where(and(eq(invoices.publicRef, input.invoiceRef), eq(orders.clientId, input.clientId)))
      .for('update', { of: invoices });
    if (!row) return { kind: 'not_found' } as const;
    const { invoice } = row;
    if (invoice.state !== 'open') return { kind: 'not_payable' } as const;
    const latest = await latestAttemptForInvoice(tx, invoice.id);
    if (latest && latest.expiresAt > now && (latest.state === 'initiated' || latest.state === 'created')) {
      return { kind: 'attempt', attempt: latest, invoice, serviceTitle: row.serviceTitle, orderNumber: row.orderNumber } as const;
    }
    const [attempt] = await tx
      .insert(paymentAttempts)
      .values({
        orderId: invoice.orderId,
        invoiceId: invoice.id,
        amountKopecks: invoice.amountKopecks,
        createdAt: now,
        expiresAt: new Date(now.getTime() + gateway.settings.lifetimeSeconds * 1000),
      })
      .returning();
    return { kind: 'attempt', attempt: attempt!, invoice, serviceTitle: row.serviceTitle, orderNumber: row.orderNumber } as const;
  });
  if (prepared.kind !== 'attempt') return prepared;
  const { attempt, invoice } = prepared;
  return sendAttemptToGateway(deps, attempt, {
    description: `Доплата ${invoiceNumber(prepared.orderNumber, invoice.ordinal)} по заказу: ${prepared.serviceTitle}`,
    returnUrl: invoicePageUrl(deps.config.PUBLIC_URL, invoice.publicRef),
  });
}
