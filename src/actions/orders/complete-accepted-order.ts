import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { nextActNumber, returnedOnOrder, standingSurcharges, type WorkHandover } from '../../db/queries/acceptance.js';
import { audit } from '../../db/queries/audit.js';
import { invoiceRecipient } from '../../db/queries/invoices.js';
import type { LockedOrder } from '../../db/queries/order-lock.js';
import { payerOfOrder, type OrderPayer } from '../../db/queries/transfers.js';
import { orders, serviceActs, workHandovers } from '../../db/schema/index.js';
import { moscowDate } from '../../domain/calendar/moscow-time.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { actTitle, serviceAct, type ActCustomer } from '../../domain/orders/service-act.js';
import { queueEmail } from '../../email/queue-email.js';
import { workAcceptedEmail } from '../../email/templates/work-accepted.js';
import { queueCompletionReceipt } from '../receipts/queue-completion-receipt.js';
import { recordOrderEvent } from '../webhooks/business-events.js';

export type CompletionDeps = Pick<Deps, 'queue' | 'clock' | 'config' | 'content'>;

/**
 * The one way an order becomes completed, whoever accepted the work (the client in the account, or the
 * silence job at the deadline), in the caller's transaction with the order locked and still `work_done`:
 * the full-settlement receipt (once: the receipts row is unique per order), the `order.completed`
 * webhook, the act of services rendered stored as data (decision 037), one email with the link to it.
 */
export async function completeAcceptedOrder(
  deps: CompletionDeps,
  tx: Tx,
  order: LockedOrder,
  handover: WorkHandover,
  acceptance: 'client' | 'silence',
  context: { now: Date; ip?: string; clientId?: string },
): Promise<{ actNumber: number }> {
  const { now } = context;
  const state = orderMachine.transition(order.state, 'work_accepted');
  if (!state) throw new Error(`Order ${order.id} in state ${order.state} cannot be completed`);
  await tx.update(orders).set({ state }).where(eq(orders.id, order.id));
  await tx
    .update(workHandovers)
    .set({ state: acceptance === 'client' ? 'accepted' : 'accepted_by_silence', answeredAt: now })
    .where(eq(workHandovers.id, handover.id));
  await queueCompletionReceipt(deps, tx, order);
  await recordOrderEvent(deps, tx, 'order.completed', [order.id]);

  const company = deps.content.current().company;
  const number = await nextActNumber(tx);
  const act = serviceAct({
    number: String(number),
    date: moscowDate(now),
    orderNumber: orderNumber(order.number),
    seller: { name: company.name, inn: company.inn, kpp: company.kpp, ogrn: company.ogrn, address: company.address, bank: company.bank },
    customer: actCustomer(order, await payerOfOrder(tx, order.id)),
    taxSystem: deps.config.TAX_SYSTEM,
    service: { title: order.serviceTitle, vat: order.vat },
    keptKopecks: order.priceKopecks - (await returnedOnOrder(tx, order.id)),
    extraHours: await standingSurcharges(tx, order.id),
    acceptance,
  });
  await tx.insert(serviceActs).values({ orderId: order.id, number, handoverId: handover.id, issuedAt: now, data: act });

  const to = await invoiceRecipient(tx, order);
  const content = workAcceptedEmail(
    { customerName: to.name, serviceTitle: order.serviceTitle, orderNumber: orderNumber(order.number), actTitle: actTitle(act), acceptance, orderUrl: `${deps.config.PUBLIC_URL}/account/orders/${order.publicRef}#act` },
    deps.content.current(),
  );
  await queueEmail(deps, tx, { kind: 'work_accepted', to: to.email, orderId: order.id, clientId: to.clientId, content });
  await audit(tx, {
    staffId: null,
    // The client's act (no staff member, their IP) or the system's at the deadline.
    action: 'order.completed',
    entity: 'order',
    entityId: order.id,
    details: { from: order.state, to: state, acceptance, handoverId: handover.id, actNumber: number, ...(context.clientId ? { clientId: context.clientId } : {}) },
    ip: context.ip ?? null,
    at: now,
  });
  return { actNumber: number };
}

/** Who the act names as the customer: the company that paid by invoice, else the person who ordered. */
function actCustomer(order: LockedOrder, payer: OrderPayer | undefined): ActCustomer {
  const contacts = { email: order.customerEmail, phone: order.customerPhone };
  if (!payer) return { kind: 'person', name: order.customerName, ...contacts };
  return { kind: 'company', name: payer.companyName, inn: payer.inn, kpp: payer.kpp, address: payer.legalAddress, ...contacts };
}
