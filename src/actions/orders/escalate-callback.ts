import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { escalationRecipients } from '../../db/queries/admin-orders.js';
import { audit } from '../../db/queries/audit.js';
import { findStaff } from '../../db/queries/staff.js';
import { orders } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { callbackEscalationEmail } from '../../email/templates/callback-escalation.js';
import type { JobOptions } from '../../queue.js';
import { lockOrder } from '../../db/queries/order-lock.js';

export type EscalationOutcome = 'escalated' | 'not_due' | 'contacted' | 'already_escalated' | 'not_waiting' | 'not_found';

/**
 * The `orders.escalate` job for a paid order (its job id is the order id, so the first contact can
 * cancel it). It starts at the deadline; a retry stands in for a job started early by a clock that runs
 * ahead of ours (the worker fails a "not due" run).
 */
export const escalationJob = (orderId: string, dueAt: Date): JobOptions & { id: string; data: { orderId: string } } => ({
  id: orderId,
  data: { orderId },
  startAfter: dueAt,
  retryLimit: 30,
  retryDelay: 60,
});

/**
 * At the callback deadline: if nobody contacted the client, one email each to the order's manager and
 * every active admin, and orders.escalated_at is set — once, however often the job runs. An order
 * contacted, closed or already escalated gets nothing.
 */
export async function escalateCallback(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'log' | 'content'>, orderId: string): Promise<EscalationOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) return 'not_found';
    if (order.escalatedAt) return 'already_escalated';
    if (order.firstContactAt) return 'contacted';
    if (order.state !== 'paid' || !order.callbackDueAt || !order.paidAt) return 'not_waiting';
    if (now < order.callbackDueAt) return 'not_due';

    const recipients = await escalationRecipients(tx, order.assignedStaffId);
    const assignedName = order.assignedStaffId ? ((await findStaff(tx, order.assignedStaffId))?.name ?? null) : null;
    const company = deps.content.current();
    for (const recipient of recipients) {
      const content = callbackEscalationEmail(
        {
          staffName: recipient.name,
          orderNumber: orderNumber(order.number),
          serviceTitle: order.serviceTitle,
          customerName: order.customerName,
          paidAt: order.paidAt,
          dueAt: order.callbackDueAt,
          assignedName,
          cardUrl: `${deps.config.PUBLIC_URL}/admin/orders/${order.id}`,
        },
        company,
      );
      await queueEmail(deps, tx, { kind: 'callback_escalation', to: recipient.email, orderId: order.id, content });
    }
    if (recipients.length === 0) deps.log.warn({ orderId: order.id }, 'missed callback, but no active admin or manager to tell');
    await tx.update(orders).set({ escalatedAt: now }).where(eq(orders.id, order.id));
    await audit(tx, {
      staffId: null,
      action: 'order.callback_escalated',
      entity: 'order',
      entityId: order.id,
      details: { dueAt: order.callbackDueAt.toISOString(), recipients: recipients.map((r) => r.id) },
      at: now,
    });
    return 'escalated';
  });
}
