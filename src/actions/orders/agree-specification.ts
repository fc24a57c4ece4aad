import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { checkSpecification, type SpecificationField } from '../../domain/orders/order-work-forms.js';
import { stepRefusal } from '../../domain/orders/order-workflow.js';
import { currentSpecification } from '../../db/queries/admin-orders.js';
import { audit } from '../../db/queries/audit.js';
import { findClient } from '../../db/queries/clients.js';
import { orders, orderSpecifications } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { specificationAgreedEmail } from '../../email/templates/specification-agreed.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import type { StaffActor, WorkResult } from './work-result.js';
import { orderNumber } from '../../domain/orders/order-number.js';

/**
 * The manager records what was agreed with the client: a new version of the specification (text and
 * hours), the order moves to "specified", and the client gets it by email with a link to the order in
 * the personal account. It can be agreed again until the work starts.
 */
export async function agreeSpecification(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown> },
): Promise<WorkResult<{ revised: boolean }, SpecificationField>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = stepRefusal('specify', order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const checked = checkSpecification(input.body);
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
    const { text, agreedMinutes } = checked.value;

    const revised = order.state === 'specified';
    // The latest version is the one in force, so versions must not share a moment (a clock that went back, two clicks).
    const previous = await currentSpecification(tx, order.id);
    const agreedAt = previous && previous.agreedAt >= now ? new Date(previous.agreedAt.getTime() + 1) : now;
    await tx.insert(orderSpecifications).values({ orderId: order.id, text, agreedMinutes, staffId: input.member.id, agreedAt });
    const state = orderMachine.transition(order.state, 'specification_agreed')!;
    await tx.update(orders).set({ state }).where(eq(orders.id, order.id));

    // The account holds the client's current name and address; the order only what was typed then.
    const client = order.clientId ? await findClient(tx, order.clientId) : undefined;
    const content = specificationAgreedEmail(
      {
        customerName: client?.name ?? order.customerName,
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        text,
        agreedMinutes,
        orderUrl: `${deps.config.PUBLIC_URL}/account/orders/${order.publicRef}`,
        revised,
      },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'specification_agreed', to: client?.email ?? order.customerEmail, orderId: order.id, content });
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.specification_agreed',
      entity: 'order',
      entityId: order.id,
      details: { agreedMinutes, revised, from: order.state, to: state },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', revised };
  });
}
