import { sql } from 'drizzle-orm';
import type { AttemptState } from '../../domain/payment-machine.js';
import type { OrderState } from '../../domain/order-machine.js';
import type { Tx } from '../client.js';

// The result-callback hot path as plain SQL. Drizzle's query builders cost about 0.25 ms of CPU per
// query to build, more than the query itself; these templates cost a fraction of that
// (docs/decisions/006-callback-hot-path-sql.md, bench/callbacks.ts).

export interface LockedPayment {
  attempt: { id: string; orderId: string; state: AttemptState; amountKopecks: number; currency: string; gatewayPaymentId: string | null };
  order: { id: string; state: OrderState };
}

interface LockedRow extends Record<string, unknown> {
  id: string;
  order_id: string;
  state: AttemptState;
  amount_kopecks: number;
  currency: string;
  gateway_payment_id: string | null;
  order_state: OrderState;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Locks an attempt and its order (callbacks for one payment then run one at a time). */
export async function lockPayment(tx: Tx, by: { attemptId: string } | { gatewayPaymentId: string }): Promise<LockedPayment | undefined> {
  const where = 'attemptId' in by ? sql`a.id = ${by.attemptId}` : sql`a.gateway_payment_id = ${by.gatewayPaymentId}`;
  const [row] = rowsOf<LockedRow>(
    await tx.execute(sql`
      select a.id, a.order_id, a.state, a.amount_kopecks, a.currency, a.gateway_payment_id, o.state as order_state
      from payment_attempts a join orders o on o.id = a.order_id
      where ${where}
      for update`),
  );
  if (!row) return undefined;
  return {
    attempt: {
      id: row.id,
      orderId: row.order_id,
      state: row.state,
      amountKopecks: row.amount_kopecks,
      currency: row.currency,
      gatewayPaymentId: row.gateway_payment_id,
    },
    order: { id: row.order_id, state: row.order_state },
  };
}

export interface PaymentChange {
  event: {
    attemptId: string;
    gatewayPaymentId: string;
    kind: string;
    amountKopecks: number | null;
    currency: string | null;
    source: 'callback' | 'reconciliation';
    answer: 'ok' | 'rejected';
  };
  at: Date;
  /** The attempt's next state, with what the message tells about it; null leaves the attempt alone. */
  attempt:
    | { id: string; state: 'paid'; captured: boolean; cardBrand: string | null; cardLast4: string | null }
    | { id: string; state: 'failed'; failureCode: string | null; failureDescription: string | null }
    | null;
  /** The order's next state; null leaves the order alone. */
  order: { id: string; state: OrderState } | null;
}

/**
 * Records a gateway message once (unique per gateway payment and kind) and, only if it is new, applies
 * its effect on the attempt and the order: all in one statement. Returns null for a new message, or
 * the answer given to the first copy of a duplicate.
 */
export async function recordPaymentChange(tx: Tx, change: PaymentChange): Promise<'ok' | 'rejected' | null> {
  const { event, attempt, order } = change;
  const at = change.at.toISOString();
  const paid = attempt?.state === 'paid' ? attempt : null;
  const failed = attempt?.state === 'failed' ? attempt : null;
  const [row] = rowsOf<{ inserted: boolean; answer: 'ok' | 'rejected' }>(
    await tx.execute(sql`
      with inserted as (
        insert into payment_events (attempt_id, gateway_payment_id, kind, amount_kopecks, currency, source, answer, received_at)
        values (${event.attemptId}, ${event.gatewayPaymentId}, ${event.kind}, ${event.amountKopecks}, ${event.currency},
                ${event.source}, ${event.answer}, ${at})
        on conflict (gateway_payment_id, kind) do nothing
        returning answer
      ), attempt_changed as (
        update payment_attempts set
          state = ${attempt?.state ?? null}::payment_attempt_state,
          gateway_payment_id = coalesce(gateway_payment_id, ${event.gatewayPaymentId}),
          paid_at = case when ${paid !== null} then ${at}::timestamptz else paid_at end,
          captured = case when ${paid !== null} then ${paid?.captured ?? false} else captured end,
          card_brand = case when ${paid !== null} then ${paid?.cardBrand ?? null} else card_brand end,
          card_last4 = case when ${paid !== null} then ${paid?.cardLast4 ?? null} else card_last4 end,
          failure_code = case when ${failed !== null} then ${failed?.failureCode ?? null} else failure_code end,
          failure_description = case when ${failed !== null} then ${failed?.failureDescription ?? null} else failure_description end
        where id = ${attempt?.id ?? null}::uuid and exists (select from inserted)
      ), order_changed as (
        update orders set
          state = ${order?.state ?? null}::order_state,
          paid_at = case when ${order?.state === 'paid'} then ${at}::timestamptz else paid_at end
        where id = ${order?.id ?? null}::uuid and exists (select from inserted)
      )
      select true as inserted, answer from inserted
      union all
      select false, answer from payment_events where gateway_payment_id = ${event.gatewayPaymentId} and kind = ${event.kind}
      limit 1`),
  );
  // The attempt is locked, so a duplicate's first copy is committed and visible here.
  if (!row) throw new Error(`payment event ${event.gatewayPaymentId}/${event.kind} neither recorded nor found`);
  return row.inserted ? null : row.answer;
}
