import { orderNumber } from '../../domain/orders/order-number.js';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { acceptanceDeadline, acceptancePeriodWords, lastAcceptanceDay } from '../../domain/orders/acceptance.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { stepRefusal } from '../../domain/orders/order-workflow.js';
import { hoursBalance } from '../../domain/orders/work-hours.js';
import { handoverCount } from '../../db/queries/acceptance.js';
import { invoicedExtraMinutes, loggedMinutes } from '../../db/queries/admin-orders.js';
import { audit } from '../../db/queries/audit.js';
import { invoiceRecipient } from '../../db/queries/invoices.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orders, services, workHandovers } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { workHandedOverEmail } from '../../email/templates/work-handed-over.js';
import { enqueueWithIds } from '../../queue.js';
import { acceptanceJob } from './accept-by-silence.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * in work → work done («Работа сдана, ждёт приёмки»): a hand-over with its deadline (N working days,
 * ACCEPTANCE_WORKING_DAYS), the job that accepts by silence at that deadline (job id = hand-over id), and
 * an email asking the client to accept or make remarks in the account. For an hourly service, says how
 * many worked minutes are beyond the included hours and not yet on a surcharge invoice: the page then
 * leads straight to issuing one (docs/back-office.md#surcharges-for-extra-hours), as completing did before.
 */
export async function handOverWork(
  deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content' | 'calendar'>,
  input: StaffActor & { orderId: string },
): Promise<WorkResult<{ uninvoicedMinutes: number }>> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = stepRefusal('hand_over', order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const state = orderMachine.transition(order.state, 'work_handed_over')!;
    const days = deps.config.ACCEPTANCE_WORKING_DAYS;
    const acceptBy = acceptanceDeadline(now, deps.calendar, days);
    const attempt = (await handoverCount(tx, order.id)) + 1;
    const [handover] = await tx
      .insert(workHandovers)
      .values({ orderId: order.id, attempt, handedOverBy: input.member.id, handedOverAt: now, acceptBy })
      .returning({ id: workHandovers.id });
    await tx.update(orders).set({ state }).where(eq(orders.id, order.id));
    await enqueueWithIds(deps.queue, tx, 'orders.accept-by-silence', [acceptanceJob(handover!.id, acceptBy)]);

    const to = await invoiceRecipient(tx, order);
    const content = workHandedOverEmail(
      {
        customerName: to.name,
        serviceTitle: order.serviceTitle,
        orderNumber: orderNumber(order.number),
        lastDay: lastAcceptanceDay(acceptBy),
        period: acceptancePeriodWords(days),
        orderUrl: `${deps.config.PUBLIC_URL}/account/orders/${order.publicRef}#acceptance`,
      },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'work_handed_over', to: to.email, orderId: order.id, clientId: to.clientId, content });

    const [service] = await tx.select({ billing: services.billing, includedHours: services.includedHours }).from(services).where(eq(services.id, order.serviceId));
    const logged = await loggedMinutes(tx, order.id);
    const { extraMinutes } = hoursBalance(logged, service?.billing === 'hourly' ? service.includedHours : null);
    const uninvoicedMinutes = Math.max(0, extraMinutes - (extraMinutes > 0 ? await invoicedExtraMinutes(tx, order.id) : 0));
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.work_handed_over',
      entity: 'order',
      entityId: order.id,
      details: { from: order.state, to: state, handoverId: handover!.id, attempt, acceptBy: acceptBy.toISOString(), loggedMinutes: logged, extraMinutes, uninvoicedMinutes },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', uninvoicedMinutes };
  });
}
