import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { checkContact, type ContactField } from '../../domain/orders/order-work-forms.js';
import { stepRefusal } from '../../domain/orders/order-workflow.js';
import { audit } from '../../db/queries/audit.js';
import { orderContacts, orders } from '../../db/schema/index.js';
import { cancelJob } from '../../queue.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { recordOrderEvent } from '../webhooks/business-events.js';
import { signalQueueChanged } from '../../db/queue-signal.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * A call, email or message to the client goes into the contact log. The first one stops the callback
 * SLA clock (first_contact_at) and cancels the pending escalation; reaching the client moves a paid
 * order to "contacted".
 */
export async function logContact(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown> },
): Promise<WorkResult<{ firstContact: boolean }, ContactField>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = stepRefusal('contact', order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const checked = checkContact(input.body, { now, paidAt: order.paidAt });
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const contact = checked.value;

    await tx.insert(orderContacts).values({ orderId: order.id, staffId: input.member.id, ...contact, createdAt: now });
    const firstContact = order.firstContactAt === null;
    const state = (contact.outcome === 'reached' && orderMachine.transition(order.state, 'client_reached')) || order.state;
    if (firstContact || state !== order.state) {
      await tx
        .update(orders)
        .set({ state, firstContactAt: order.firstContactAt ?? contact.contactedAt })
        .where(eq(orders.id, order.id));
    }
    // The job's own check would find the contact anyway; cancelling keeps the queue honest.
    if (firstContact) await cancelJob(deps.queue, tx, 'orders.escalate', order.id);
    if (state === 'contacted' && order.state !== 'contacted') {
      await recordOrderEvent(deps, tx, 'order.contacted', [order.id], { contact: { channel: contact.channel, outcome: contact.outcome, contacted_at: contact.contactedAt.toISOString() } });
    }
    if (firstContact) await signalQueueChanged(tx); // the order leaves the callback queue
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.contact_logged',
      entity: 'order',
      entityId: order.id,
      details: { channel: contact.channel, outcome: contact.outcome, contactedAt: contact.contactedAt.toISOString(), firstContact, from: order.state, to: state },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', firstContact };
  });
}
