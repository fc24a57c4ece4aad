import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { invoiceMachine } from '../../domain/invoices/invoice-machine.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { attemptMachine } from '../../domain/payments/payment-machine.js';
import { fullyRefunded } from '../../domain/payments/refunds.js';
import { audit } from '../../db/queries/audit.js';
import type { Tx } from '../../db/client.js';
import type { PaymentAttempt, PaymentOperation } from '../../db/queries/payments.js';
import { invoices, orders, paymentAttempts, paymentOperations } from '../../db/schema/index.js';
import type { CallResult } from '../../payments/freedompay/client.js';
import { queueReturnReceipt } from '../receipts/queue-return-receipt.js';
import { recordMoneyReturned } from '../webhooks/business-events.js';
import { noteMoneyReturn } from './note-money-return.js';

export type OperationKind = PaymentOperation['kind'];
export type OperationResult =
  | { kind: 'succeeded' | 'failed' | 'unknown'; operationId: string; description?: string }
  | { kind: 'not_allowed'; reason: string };

/** A cancel or refund's outcome queues the client's email, hence the queue and the config. */
export type OperationDeps = Pick<Deps, 'db' | 'clock' | 'log' | 'queue' | 'config' | 'content'>;

/** Who asked for a cancel or refund from the back office, and what they noted. */
export interface StaffRequest {
  staffId: string;
  ip?: string | null;
  /** The part of the work already done and its costs. */
  workDoneNote?: string | null;
  /** Extra facts for the audit entry (why a cancel rather than a refund, say). */
  auditDetails?: Record<string, unknown>;
}

/** Checks an operation against the locked attempt: the amount it will move, or why it cannot run. */
export type PrepareOperation = (tx: Tx, attempt: PaymentAttempt) => Promise<{ amountKopecks: number } | { refusal: string }>;

/**
 * Runs a capture, cancel or refund: record it as pending (after `prepare` checks the locked attempt),
 * call the gateway, then record the answer. A call without a definite answer is left "unknown" for
 * reconciliation (settle-operations.ts), never retried blindly.
 */
export async function runOperation(
  deps: OperationDeps,
  request: { attemptId: string; kind: OperationKind; reason?: string; staff?: StaffRequest },
  prepare: PrepareOperation,
  call: (gatewayPaymentId: string, amountKopecks: number) => Promise<CallResult<{ gatewayRefundId?: string | null }>>,
): Promise<OperationResult> {
  const now = deps.clock.now();
  const started = await deps.db.transaction(async (tx) => {
    const [attempt] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, request.attemptId)).for('update');
    if (!attempt?.gatewayPaymentId || attempt.state !== 'paid') return { refusal: 'Платёж не найден или не оплачен.' };
    const prepared = await prepare(tx, attempt);
    if ('refusal' in prepared) return prepared;
    const { staff } = request;
    const [operation] = await tx
      .insert(paymentOperations)
      .values({
        attemptId: attempt.id,
        kind: request.kind,
        amountKopecks: prepared.amountKopecks,
        reason: request.reason,
        staffId: staff?.staffId ?? null,
        workDoneNote: staff?.workDoneNote || null,
        createdAt: now,
      })
      .returning();
    if (staff) {
      await audit(tx, {
        staffId: staff.staffId,
        action: `payment.${request.kind}_requested`,
        entity: 'payment_attempt',
        entityId: attempt.id,
        details: {
          operationId: operation!.id,
          amountKopecks: prepared.amountKopecks,
          paidKopecks: attempt.amountKopecks,
          reason: request.reason,
          workDoneNote: staff.workDoneNote,
          ...staff.auditDetails,
        },
        ip: staff.ip,
        at: now,
      });
    }
    return { operation: operation!, gatewayPaymentId: attempt.gatewayPaymentId };
  });
  if ('refusal' in started) return { kind: 'not_allowed', reason: started.refusal };

  const { operation, gatewayPaymentId } = started;
  const answer = await call(gatewayPaymentId, operation.amountKopecks);
  if (answer.ok) {
    await completeOperation(deps, operation, { state: 'succeeded', gatewayRefundId: answer.gatewayRefundId ?? null });
    return { kind: 'succeeded', operationId: operation.id };
  }
  if (answer.outcome === 'refused') {
    await completeOperation(deps, operation, { state: 'failed', gatewayCode: answer.code, gatewayDescription: answer.description });
    return { kind: 'failed', operationId: operation.id, description: answer.description };
  }
  deps.log.warn({ operationId: operation.id, reason: answer.reason }, 'payment operation outcome unknown; reconciliation will settle it');
  await deps.db.update(paymentOperations).set({ state: 'unknown', gatewayDescription: answer.reason }).where(eq(paymentOperations.id, operation.id));
  return { kind: 'unknown', operationId: operation.id };
}

/**
 * Records the final state of an operation and, on success, its effect on the attempt and on what it
 * paid for (the order, or the surcharge invoice); a cancel or refund also gets its audit entry and,
 * on success, the client's email and the return receipt.
 */
export async function completeOperation(
  deps: OperationDeps,
  operation: PaymentOperation,
  outcome: { state: 'succeeded' | 'failed'; gatewayRefundId?: string | null; gatewayCode?: string; gatewayDescription?: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [current] = await tx
      .update(paymentOperations)
      .set({ ...outcome, completedAt: now })
      .where(and(eq(paymentOperations.id, operation.id), eq(paymentOperations.state, operation.state)))
      .returning();
    if (!current) return;
    const [attempt] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, operation.attemptId)).for('update');
    if (!attempt) return;
    if (outcome.state === 'succeeded') await applySuccess(tx, operation, attempt);
    await noteMoneyReturn(deps, tx, current, attempt, now);
    await queueReturnReceipt(deps, tx, current, attempt);
    await recordMoneyReturned(deps, tx, current, attempt);
  });
}

async function applySuccess(tx: Tx, operation: PaymentOperation, attempt: PaymentAttempt): Promise<void> {
  if (operation.kind === 'capture') {
    await tx.update(paymentAttempts).set({ captured: true }).where(eq(paymentAttempts.id, attempt.id));
    return;
  }
  if (operation.kind === 'refund') {
    const refunds = await tx
      .select()
      .from(paymentOperations)
      .where(and(eq(paymentOperations.attemptId, attempt.id), eq(paymentOperations.kind, 'refund')));
    if (!fullyRefunded(attempt.amountKopecks, refunds)) return; // a partial refund keeps the states
  }
  const event = operation.kind === 'cancel' ? 'cancelled' : 'refunded';
  const next = attemptMachine.transition(attempt.state, event);
  if (next) await tx.update(paymentAttempts).set({ state: next }).where(eq(paymentAttempts.id, attempt.id));
  const paidForEvent = event === 'cancelled' ? 'payment_cancelled' : 'payment_refunded';
  // A surcharge's money going back ends the invoice, not the order it belongs to.
  if (attempt.invoiceId) {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, attempt.invoiceId)).for('update');
    const invoiceNext = invoice && invoiceMachine.transition(invoice.state, paidForEvent);
    if (invoiceNext) await tx.update(invoices).set({ state: invoiceNext }).where(eq(invoices.id, invoice.id));
    return;
  }
  const [order] = await tx.select().from(orders).where(eq(orders.id, attempt.orderId)).for('update');
  const orderNext = order && orderMachine.transition(order.state, paidForEvent);
  if (orderNext) await tx.update(orders).set({ state: orderNext }).where(eq(orders.id, order.id));
}
