import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { attemptMachine } from '../../domain/payment-machine.js';
import { latestAttemptForInvoice } from '../../db/queries/invoices.js';
import type { PaymentAttempt } from '../../db/queries/payments.js';
import { invoices, orders, paymentAttempts } from '../../db/schema/index.js';
import { invoicePageUrl } from './notify-invoice-paid.js';

export type PayInvoiceResult = { kind: 'redirect'; url: string } | { kind: 'not_found' } | { kind: 'not_payable' } | { kind: 'gateway_unavailable' };

/**
 * Sends the client to the gateway for one of their open surcharge invoices, exactly as an order is
 * paid (pay-order.ts): the attempt (with invoice_id and the invoice's amount) is stored before the
 * call, an unfinished one is resumed, and one whose outcome is unknown is re-sent with the same
 * idempotency key. The gateway brings the payer back to the invoice's page.
 */
export async function payInvoice(
  deps: Pick<Deps, 'db' | 'clock' | 'gateway' | 'log' | 'config'>,
  input: { clientId: string; invoiceRef: string },
): Promise<PayInvoiceResult> {
  const { db, clock, gateway, log } = deps;
  const now = clock.now();
  const prepared = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ invoice: invoices, serviceTitle: orders.serviceTitle })
      .from(invoices)
      .innerJoin(orders, eq(orders.id, invoices.orderId))
      .where(and(eq(invoices.publicRef, input.invoiceRef), eq(orders.clientId, input.clientId)))
      .for('update', { of: invoices });
    if (!row) return { kind: 'not_found' } as const;
    const { invoice } = row;
    if (invoice.state !== 'open') return { kind: 'not_payable' } as const;
    const latest = await latestAttemptForInvoice(tx, invoice.id);
    if (latest && latest.expiresAt > now && (latest.state === 'initiated' || latest.state === 'created')) {
      return { kind: 'attempt', attempt: latest, invoice, serviceTitle: row.serviceTitle } as const;
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
    return { kind: 'attempt', attempt: attempt!, invoice, serviceTitle: row.serviceTitle } as const;
  });
  if (prepared.kind !== 'attempt') return prepared;

  const { attempt, invoice } = prepared;
  if (attempt.state === 'initiated' && attempt.redirectUrl) return { kind: 'redirect', url: attempt.redirectUrl };

  const back = invoicePageUrl(deps.config.PUBLIC_URL, invoice.publicRef);
  const result = await gateway.client.initPayment({
    attemptId: attempt.id,
    amountKopecks: attempt.amountKopecks,
    description: `Доплата по заказу: ${prepared.serviceTitle}`,
    resultUrl: gateway.resultUrl,
    checkUrl: gateway.checkUrl,
    successUrl: back,
    failureUrl: back,
  });
  if (result.ok) {
    await moveAttempt(deps, attempt, 'initiated', { gatewayPaymentId: result.gatewayPaymentId, redirectUrl: result.redirectUrl });
    return { kind: 'redirect', url: result.redirectUrl };
  }
  if (result.outcome === 'refused') {
    log.error({ attemptId: attempt.id, code: result.code, description: result.description }, 'gateway refused to create a surcharge payment');
    await moveAttempt(deps, attempt, 'failed', { failureCode: result.code, failureDescription: result.description });
  } else {
    log.warn({ attemptId: attempt.id, reason: result.reason }, 'gateway did not answer init_payment for a surcharge');
  }
  return { kind: 'gateway_unavailable' };
}

async function moveAttempt(deps: Pick<Deps, 'db'>, attempt: PaymentAttempt, event: 'initiated' | 'failed', changes: Partial<PaymentAttempt>): Promise<void> {
  const next = attemptMachine.transition(attempt.state, event);
  if (!next) return;
  // Compare-and-set: a callback may have moved the attempt on meanwhile.
  await deps.db
    .update(paymentAttempts)
    .set({ ...changes, state: next })
    .where(and(eq(paymentAttempts.id, attempt.id), eq(paymentAttempts.state, attempt.state)));
}
