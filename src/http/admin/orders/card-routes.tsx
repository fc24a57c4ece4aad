import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { moscowDate, moscowDateTimeInput } from '../../../domain/calendar/moscow-time.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { assignableStaff, orderCard } from '../../../db/queries/admin-orders.js';
import { sendErrorPage } from '../../views/error-page.js';
import { orderInvoicesSection } from '../invoices/order-invoices-section.js';
import { orderPaymentsSection } from '../payments/order-payments-section.js';
import { sendAdminPage } from '../views/admin-page.js';
import { isUuid } from './format.js';
import { OrderCardPage, type CardProblem } from './order-card-page.js';
import { orderReceiptsSection } from '../receipts/order-receipts-section.js';
import { orderAcceptanceSection } from './acceptance-section.js';
import { markOrderRead } from '../../../actions/orders/mark-order-read.js';
import { deliveryNotices, orderMessagesSection, orderResultsSection } from './delivery-sections.js';
import { orderTransfersSection } from '../transfers/order-transfers-section.js';

/** What a redirect back to the card says, by the `done` query value (never free text from the URL). */
export const cardNotices = {
  taken: 'Заказ теперь ваш.',
  assigned: 'Заказ передан.',
  contact: 'Контакт записан.',
  first_contact: 'Первый контакт записан: отсчёт срока звонка остановлен.',
  specification: 'Спецификация согласована, клиенту отправлено письмо.',
  started: 'Работа начата.',
  hours: 'Часы записаны.',
  handed_over: 'Работа сдана: клиенту отправлено письмо, он примет её или напишет замечания в личном кабинете.',
  extra_hours: 'Запрос отправлен клиенту: эти часы можно выставить в счёт, когда клиент их одобрит в личном кабинете.',
  ...deliveryNotices,
} as const;
export type CardNotice = keyof typeof cardNotices;

/** Renders an order's card: after a GET, or again after a POST with a problem (errors, a refusal). */
export async function sendOrderCard(request: FastifyRequest, reply: FastifyReply, orderId: string, options: { status?: number; notice?: string; problem?: CardProblem } = {}) {
  const { deps } = request.server;
  const member = request.staff!;
  const card = isUuid(orderId) ? await orderCard(deps.db, orderId) : undefined;
  if (!card) return sendErrorPage(reply, 404, 'Такого заказа нет.');
  const now = deps.clock.now();
  const csrfToken = reply.generateCsrf();
  const sections = [
    await orderAcceptanceSection(request, orderId),
    await orderResultsSection(request, orderId, csrfToken, options.problem),
    await orderMessagesSection(request, orderId, csrfToken, options.problem),
    await orderInvoicesSection(request, orderId, csrfToken, options.problem),
    await orderTransfersSection(request, orderId, csrfToken),
    await orderPaymentsSection(request, orderId),
    await orderReceiptsSection(request, orderId, csrfToken),
  ].filter(
    (s): s is VNode => s !== null,
  );
  return sendAdminPage(
    reply,
    { title: `Заказ ${orderNumber(card.order.number)}`, status: options.status },
    <OrderCardPage
      card={card}
      now={now}
      memberId={member.id}
      canWork={allows(member.role, 'orders.work')}
      assignable={allows(member.role, 'orders.assign') ? await assignableStaff(deps.db) : null}
      csrfToken={csrfToken}
      defaults={{ contactTime: moscowDateTimeInput(now), workDate: moscowDate(now) }}
      notice={options.notice}
      problem={options.problem}
      sections={sections}
    />,
  );
}

/** GET /admin/orders/:id — the order's card. */
export async function cardRoutes(app: FastifyInstance) {
  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/orders/:id', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const done = request.query.done;
    const notice = done && Object.hasOwn(cardNotices, done) ? cardNotices[done as CardNotice] : undefined;
    // Opening the card is reading the client's messages: the queue's unread count drops (docs/delivery.md).
    if (isUuid(request.params.id)) await markOrderRead(app.deps, { orderId: request.params.id, side: 'staff' });
    return sendOrderCard(request, reply, request.params.id, { notice });
  });
}
