import { sql } from 'drizzle-orm';
import type { InvoiceState } from '../../domain/invoices/invoice-machine.js';
import type { OrderState } from '../../domain/orders/order-machine.js';
import type { AttemptState } from '../../domain/payments/payment-machine.js';
import type { Tx } from '../client.js';

// Applying gateway messages, several at a time, as plain SQL: one locking read, one read of the
// messages already recorded, then one statement per table however many messages there are
// (docs/decisions/006-callback-hot-path-sql.md). Rows travel as one JSON parameter.

/** The attempt columns a gateway message can change, as held in memory while a batch is applied. */
export interface AttemptRow {
  id: string;
  orderId: string;
  /** Set when the attempt pays a surcharge invoice rather than the order. */
  invoiceId: string | null;
  amountKopecks: number;
  currency: string;
  state: AttemptState;
  gatewayPaymentId: string | null;
  paidAt: Date | null;
  captured: boolean;
  cardBrand: string | null;
  cardLast4: string | null;
  failureCode: string | null;
  failureDescription: string | null;
}

export interface OrderRow {
  id: string;
  state: OrderState;
  paidAt: Date | null;
  /** Set only when the batch marks the order paid; otherwise the stored deadline is kept. */
  callbackDueAt?: Date;
}

export interface InvoiceRow {
  id: string;
  orderId: string;
  state: InvoiceState;
  paidAt: Date | null;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const json = (value: unknown) => JSON.stringify(value);
// Arrays travel as JSON and become SQL arrays first: "= any(array)" lets the planner use the indexes,
// where "in (select … from json)" made it scan whole tables.
const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${json(values)}::jsonb))`;
const uuidArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${json(values)}::jsonb)::uuid)`;

/**
 * Locks the attempts named by our ids or the gateway's payment ids, with their orders, then the
 * surcharge invoices some of them pay. Rows are locked in id order (attempts and orders first, then
 * invoices), so two batches in two processes cannot deadlock. Ids that cannot be ours are ignored.
 */
export async function lockPayments(
  tx: Tx,
  attemptIds: string[],
  gatewayPaymentIds: string[],
): Promise<{ attempt: AttemptRow; order: OrderRow; invoice: InvoiceRow | null }[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await tx.execute(sql`
      select a.id, a.order_id, a.invoice_id, a.amount_kopecks, a.currency, a.state, a.gateway_payment_id, a.paid_at, a.captured,
             a.card_brand, a.card_last4, a.failure_code, a.failure_description, o.state as order_state, o.paid_at as order_paid_at
      from payment_attempts a join orders o on o.id = a.order_id
      where a.id = any(${uuidArray(attemptIds.filter((id) => UUID.test(id)))})
         or a.gateway_payment_id = any(${textArray(gatewayPaymentIds.filter(Boolean))})
      order by a.id
      for update`),
  );
  const date = (value: unknown) => (value === null ? null : new Date(value as string));
  const invoices = await lockInvoices(tx, [...new Set(rows.map((row) => row.invoice_id as string | null).filter((id) => id !== null))]);
  return rows.map((row) => ({
    invoice: row.invoice_id === null ? null : invoices.get(row.invoice_id as string)!,
    attempt: {
      id: row.id as string,
      orderId: row.order_id as string,
      invoiceId: row.invoice_id as string | null,
      amountKopecks: row.amount_kopecks as number,
      currency: row.currency as string,
      state: row.state as AttemptState,
      gatewayPaymentId: row.gateway_payment_id as string | null,
      paidAt: date(row.paid_at),
      captured: row.captured as boolean,
      cardBrand: row.card_brand as string | null,
      cardLast4: row.card_last4 as string | null,
      failureCode: row.failure_code as string | null,
      failureDescription: row.failure_description as string | null,
    },
    order: { id: row.order_id as string, state: row.order_state as OrderState, paidAt: date(row.order_paid_at) },
  }));
}

async function lockInvoices(tx: Tx, ids: string[]): Promise<Map<string, InvoiceRow>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; order_id: string; state: InvoiceState; paid_at: string | Date | null }>(
    await tx.execute(sql`select id, order_id, state, paid_at from invoices where id = any(${uuidArray(ids)}) order by id for update`),
  );
  return new Map(
    rows.map((row) => [row.id, { id: row.id, orderId: row.order_id, state: row.state, paidAt: row.paid_at === null ? null : new Date(row.paid_at) }]),
  );
}

/** Answers already given to messages about these gateway payments, by key (payment id and kind). */
export async function recordedAnswers(tx: Tx, gatewayPaymentIds: string[]): Promise<Map<string, 'ok' | 'rejected'>> {
  const rows = rowsOf<{ gateway_payment_id: string; kind: string; answer: 'ok' | 'rejected' }>(
    await tx.execute(sql`
      select gateway_payment_id, kind, answer from payment_events where gateway_payment_id = any(${textArray(gatewayPaymentIds)})`),
  );
  return new Map(rows.map((row) => [eventKey(row.gateway_payment_id, row.kind), row.answer]));
}

export const eventKey = (gatewayPaymentId: string, kind: string) => `${gatewayPaymentId}\u0000${kind}`;

export interface NewEvent {
  attemptId: string;
  gatewayPaymentId: string;
  kind: string;
  amountKopecks: number | null;
  currency: string | null;
  source: 'callback' | 'reconciliation';
  answer: 'ok' | 'rejected';
  receivedAt: Date;
}

export interface NewAlert {
  orderId: string;
  kind: string;
  message: string;
  createdAt: Date;
}

/** Writes what a batch decided: its new events, the changed attempts, orders and invoices, the alerts. */
export async function writePaymentChanges(
  tx: Tx,
  changes: { events: NewEvent[]; attempts: AttemptRow[]; orders: OrderRow[]; invoices?: InvoiceRow[]; alerts: NewAlert[] },
): Promise<void> {
  if (changes.events.length > 0) {
    await tx.execute(sql`
      insert into payment_events (attempt_id, gateway_payment_id, kind, amount_kopecks, currency, source, answer, received_at)
      select "attemptId", "gatewayPaymentId", kind, "amountKopecks", currency, source, answer, "receivedAt"
      from jsonb_to_recordset(${json(changes.events)}::jsonb) as x("attemptId" uuid, "gatewayPaymentId" text, kind text,
        "amountKopecks" integer, currency text, source text, answer text, "receivedAt" timestamptz)`);
  }
  if (changes.attempts.length > 0) {
    await tx.execute(sql`
      update payment_attempts a set
        state = x.state::payment_attempt_state, gateway_payment_id = x."gatewayPaymentId", paid_at = x."paidAt",
        captured = x.captured, card_brand = x."cardBrand", card_last4 = x."cardLast4",
        failure_code = x."failureCode", failure_description = x."failureDescription"
      from jsonb_to_recordset(${json(changes.attempts)}::jsonb) as x(id uuid, state text, "gatewayPaymentId" text,
        "paidAt" timestamptz, captured boolean, "cardBrand" text, "cardLast4" text, "failureCode" text, "failureDescription" text)
      where a.id = x.id`);
  }
  if (changes.orders.length > 0) {
    await tx.execute(sql`
      update orders o set state = x.state::order_state, paid_at = x."paidAt", callback_due_at = coalesce(x."callbackDueAt", o.callback_due_at)
      from jsonb_to_recordset(${json(changes.orders)}::jsonb) as x(id uuid, state text, "paidAt" timestamptz, "callbackDueAt" timestamptz)
      where o.id = x.id`);
  }
  if (changes.invoices && changes.invoices.length > 0) {
    await tx.execute(sql`
      update invoices i set state = x.state::invoice_state, paid_at = x."paidAt"
      from jsonb_to_recordset(${json(changes.invoices)}::jsonb) as x(id uuid, state text, "paidAt" timestamptz)
      where i.id = x.id`);
  }
  if (changes.alerts.length > 0) {
    await tx.execute(sql`
      insert into staff_alerts (order_id, kind, message, created_at)
      select "orderId", kind, message, "createdAt"
      from jsonb_to_recordset(${json(changes.alerts)}::jsonb) as x("orderId" uuid, kind text, message text, "createdAt" timestamptz)`);
  }
}
