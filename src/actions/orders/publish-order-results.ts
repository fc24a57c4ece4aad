import { orderNumber } from '../../domain/orders/order-number.js';
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { findClient } from '../../db/queries/clients.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orderResults } from '../../db/schema/index.js';
import { deliveryRefusal } from '../../domain/orders/delivery-forms.js';
import { queueEmail } from '../../email/queue-email.js';
import { resultsReadyEmail } from '../../email/templates/results-ready.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * «Сообщить клиенту»: the drafts become visible in the account and the client gets ONE email
 * «Результаты готовы» for all of them. The order is locked and only drafts are published, so a double
 * click or a second press with nothing new sends nothing (`published: 0`).
 */
export async function publishOrderResults(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>,
  input: StaffActor & { orderId: string },
): Promise<WorkResult<{ published: number }>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = deliveryRefusal(order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const published = await tx
      .update(orderResults)
      .set({ publishedAt: now })
      .where(and(eq(orderResults.orderId, order.id), isNull(orderResults.publishedAt), isNull(orderResults.removedAt)))
      .returning({ id: orderResults.id });
    if (published.length === 0) return { kind: 'done', published: 0 };

    const client = order.clientId ? await findClient(tx, order.clientId) : undefined;
    const content = resultsReadyEmail(
      { customerName: client?.name ?? order.customerName, serviceTitle: order.serviceTitle, orderNumber: orderNumber(order.number), count: published.length, orderUrl: `${deps.config.PUBLIC_URL}/account/orders/${order.publicRef}#results` },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'results_ready', to: client?.email ?? order.customerEmail, orderId: order.id, clientId: client?.id ?? null, content });
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.results_published',
      entity: 'order',
      entityId: order.id,
      details: { resultIds: published.map((r) => r.id) },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', published: published.length };
  });
}
