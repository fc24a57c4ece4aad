import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { audit } from '../../db/queries/audit.js';
import { signalQueueChanged } from '../../db/queue-signal.js';
import { bankInvoices, bankTransfers, invoices, orders } from '../../db/schema/index.js';
import { callbackDeadline } from '../../domain/calendar/business-calendar.js';
import { invoiceMachine } from '../../domain/invoices/invoice-machine.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { enqueue, enqueueWithIds } from '../../queue.js';
import { queueInvoicePaidEmails } from '../invoices/notify-invoice-paid.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { escalationJob } from '../orders/escalate-callback.js';
import { recordInvoicesPaid, recordOrderEvent } from '../webhooks/business-events.js';

export interface TransferToRecord {
  bankInvoiceId: string;
  amountKopecks: number;
  /** The payment order's date, «2026-12-07». */
  receivedOn: string;
  payerName: string;
  payerInn: string | null;
  documentNumber: string | null;
  /** The bank document's identity (statement lines); null for a transfer recorded by hand. */
  documentKey: string | null;
  note: string | null;
  source: 'manual' | 'statement';
  staffId: string;
  ip: string;
}

export type RecordOutcome = { kind: 'recorded'; orderId: string } | { kind: 'not_waiting' } | { kind: 'duplicate' } | { kind: 'amount_differs'; expectedKopecks: number };

export type RecordDeps = Pick<Deps, 'queue' | 'clock' | 'config' | 'calendar' | 'content'>;

/** The surcharge's record of how it was paid: from the payer's settlement account, so no cash receipt. */
const NO_RECEIPT_REASON = 'оплатила организация или ИП со своего расчётного счёта';

/**
 * Money received by bank transfer against a waiting bank invoice, in the caller's transaction (decision
 * 038). The order's own invoice: the order becomes paid at this moment — the manager's call-back
 * deadline counts from now — and goes down the card payment's `order.paid` path (confirmation,
 * credentials, escalation, webhooks, staff alerts). A surcharge's: the surcharge is marked paid by bank
 * transfer. No 54-FZ receipt either way: an organisation's or sole trader's settlement account paid.
 */
export async function recordTransfer(deps: RecordDeps, tx: Tx, transfer: TransferToRecord): Promise<RecordOutcome> {
  const now = deps.clock.now();
  const [bankInvoice] = await tx.select().from(bankInvoices).where(eq(bankInvoices.id, transfer.bankInvoiceId)).for('update');
  if (!bankInvoice || bankInvoice.state !== 'waiting') return { kind: 'not_waiting' };
  if (transfer.amountKopecks !== bankInvoice.amountKopecks) return { kind: 'amount_differs', expectedKopecks: bankInvoice.amountKopecks };
  const [order] = await tx.select().from(orders).where(eq(orders.id, bankInvoice.orderId)).for('update');
  // Checked before anything is written: a surcharge paid meanwhile some other way (card, marked by staff)
  // or an order no longer waiting makes this money a second payment, for a person to sort out.
  const [surcharge] = bankInvoice.invoiceId ? await tx.select().from(invoices).where(eq(invoices.id, bankInvoice.invoiceId)).for('update') : [];
  const waiting = surcharge ? invoiceMachine.transition(surcharge.state, 'marked_paid') !== null : orderMachine.transition(order!.state, 'transfer_received') !== null;
  if (!waiting) return { kind: 'not_waiting' };

  const { bankInvoiceId, amountKopecks, receivedOn, payerName, payerInn, documentNumber, documentKey, note, source } = transfer;
  const inserted = await tx
    .insert(bankTransfers)
    .values({ bankInvoiceId, amountKopecks, receivedOn, payerName, payerInn, documentNumber, documentKey, note, source, recordedBy: transfer.staffId, recordedAt: now })
    .onConflictDoNothing()
    .returning({ id: bankTransfers.id });
  if (inserted.length === 0) return { kind: 'duplicate' };
  await tx.update(bankInvoices).set({ state: 'paid', paidAt: now }).where(eq(bankInvoices.id, bankInvoice.id));
  await audit(tx, {
    staffId: transfer.staffId,
    action: 'transfer.recorded',
    entity: 'order',
    entityId: order!.id,
    details: {
      invoiceNumber: bankInvoice.number,
      amountKopecks: transfer.amountKopecks,
      receivedOn: transfer.receivedOn,
      payer: transfer.payerName,
      payerInn: transfer.payerInn,
      documentNumber: transfer.documentNumber,
      source: transfer.source,
      note: transfer.note,
      receipt: 'not_needed',
    },
    ip: transfer.ip,
    at: now,
  });

  if (surcharge) {
    await settleSurcharge(deps, tx, surcharge, transfer, now);
    return { kind: 'recorded', orderId: order!.id };
  }
  const next = orderMachine.transition(order!.state, 'transfer_received')!;
  const callbackDueAt = callbackDeadline(now, deps.calendar);
  await tx.update(orders).set({ state: next, paidAt: now, callbackDueAt }).where(eq(orders.id, order!.id));
  await enqueue(deps.queue, tx, 'order.paid', [{ orderId: order!.id }]);
  await enqueueWithIds(deps.queue, tx, 'orders.escalate', [escalationJob(order!.id, callbackDueAt)]);
  await recordOrderEvent(deps, tx, 'order.paid', [order!.id]);
  await raiseStaffEvents(deps, tx, [{ kind: 'order.paid', orderId: order!.id }]);
  await signalQueueChanged(tx);
  return { kind: 'recorded', orderId: order!.id };
}

async function settleSurcharge(deps: RecordDeps, tx: Tx, invoice: typeof invoices.$inferSelect, transfer: TransferToRecord, now: Date): Promise<void> {
  const next = invoiceMachine.transition(invoice.state, 'marked_paid')!;
  const note = [`Банковский перевод от ${transfer.payerName}`, transfer.documentNumber && `п/п № ${transfer.documentNumber}`, transfer.note].filter(Boolean).join(', ');
  await tx
    .update(invoices)
    .set({ state: next, paidAt: now, offlineMethod: 'bank_transfer', offlineNote: note, markedPaidBy: transfer.staffId, noReceiptReason: NO_RECEIPT_REASON })
    .where(eq(invoices.id, invoice.id));
  await queueInvoicePaidEmails(deps, tx, [invoice.id]);
  await recordInvoicesPaid(deps, tx, [invoice.id]);
  await raiseStaffEvents(deps, tx, [{ kind: 'invoice.paid', orderId: invoice.orderId, invoiceId: invoice.id }]);
}
