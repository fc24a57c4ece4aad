import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changePassword } from '../../actions/accounts/change-password.js';
import { answerExtraHours } from '../../actions/orders/answer-extra-hours.js';
import { answerWorkHandover } from '../../actions/orders/answer-work-handover.js';
import { acceptancePeriodWords } from '../../domain/orders/acceptance.js';
import { actOfOrder, handoversOfOrder } from '../../db/queries/acceptance.js';
import { acceptanceRoutes } from './acceptance-routes.js';
import { requestEmailChange } from '../../actions/accounts/request-email-change.js';
import { updateProfile } from '../../actions/accounts/update-profile.js';
import { callbackDeadlineInWords } from '../../domain/calendar/deadline-words.js';
import { clientOrderWork } from '../../db/queries/admin-orders.js';
import { listSessions } from '../../db/queries/client-sessions.js';
import { clientOrders, findClientOrder, type Client } from '../../db/queries/clients.js';
import { extraHoursOfOrder } from '../../db/queries/extra-hours.js';
import { clientInvoicesOfOrder, surchargeBasis } from '../../db/queries/invoices.js';
import { operationsForAttempt, paidAttemptForOrder } from '../../db/queries/payments.js';
import { receiptsOfOrder } from '../../db/queries/receipts.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { AccountOrderPage } from './account-order-page.js';
import { payerOfOrder } from '../../db/queries/transfers.js';
import { OrdersPage } from './orders-page.js';
import { PasswordChangePage } from './password-change-page.js';
import { ProfilePage } from './profile-page.js';
import { PASSWORD_CHANGE_PATH, requireClient } from './session.js';
import { SessionsPage } from './sessions-page.js';
import { invoiceRoutes } from './invoice-routes.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { clientUnreadByOrder } from '../../db/queries/delivery.js';
import { clientDelivery, clientDeliveryRoutes, type SendAccountOrder } from './delivery-routes.js';

type Form = { Body: Record<string, unknown> | undefined };
const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 254) : '');

/** The signed-in client's pages. Every query is scoped to request.client: no other client's data is reachable. */
export async function accountRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.addHook('preHandler', requireClient);
  const formLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  const me = (request: FastifyRequest): Client => request.client!;

  app.get<{ Querystring: { password?: string } }>('/account', async (request, reply) => {
    const orders = await clientOrders(deps.db, me(request).id);
    const notice = request.query.password === 'reset' ? 'Пароль изменён, вход в личный кабинет выполнен. Другие сеансы завершены.' : undefined;
    const unread = await clientUnreadByOrder(deps.db, me(request).id);
    return sendPage(reply, { title: 'Личный кабинет' }, <OrdersPage name={me(request).name} orders={orders} unread={unread} notice={notice} csrfToken={reply.generateCsrf()} />);
  });

  app.get<{ Params: { ref: string }; Querystring: { sent?: string } }>('/account/orders/:ref', async (request, reply) => {
    return sendOrder(request.params.ref, reply, { markRead: true, sent: request.query.sent === '1' });
  });

  // The client's answer to a request for extra hours (approve, or discuss with the manager).
  app.post<Form & { Params: { ref: string; id: string } }>('/account/orders/:ref/extra-hours/:id', { preHandler: app.csrfProtection, config: formLimit }, async (request, reply) => {
    const result = await answerExtraHours(deps, { clientId: me(request).id, orderRef: request.params.ref, requestId: request.params.id, body: request.body ?? {}, ip: request.ip });
    switch (result.kind) {
      case 'answered':
        return reply.redirect(`/account/orders/${request.params.ref}#extra-hours`, 303);
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'already_answered':
        return sendOrder(request.params.ref, reply, { extraHoursError: 'Вы уже ответили на этот запрос.', status: 409 });
      case 'invalid':
        return sendOrder(request.params.ref, reply, { extraHoursError: result.error, status: 422 });
    }
  });

  // The client's answer to a hand-over of the work: accept it, or remarks (required text).
  app.post<Form & { Params: { ref: string } }>('/account/orders/:ref/acceptance', { preHandler: app.csrfProtection, config: formLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await answerWorkHandover(deps, { clientId: me(request).id, orderRef: request.params.ref, body, ip: request.ip });
    switch (result.kind) {
      case 'accepted':
        return reply.redirect(`/account/orders/${request.params.ref}#act`, 303);
      case 'remarks_sent':
        return reply.redirect(`/account/orders/${request.params.ref}#acceptance`, 303);
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'not_waiting':
        return sendOrder(request.params.ref, reply, { status: 409, answer: { error: 'Работа сейчас не ждёт вашего ответа: вы уже ответили, или срок приёмки истёк.' } });
      case 'invalid':
        return sendOrder(request.params.ref, reply, { status: 422, answer: { error: result.error, remarks: typeof body.remarks === 'string' ? body.remarks.slice(0, 4000) : '' } });
    }
  });

  await acceptanceRoutes(app);

  type OrderPageOptions = NonNullable<Parameters<SendAccountOrder>[2]> & { extraHoursError?: string; markRead?: boolean; sent?: boolean; answer?: { error: string; remarks?: string } };
  async function sendOrder(ref: string, reply: FastifyReply, { extraHoursError, status = 200, messageForm, markRead = false, sent = false, answer }: OrderPageOptions = {}) {
    const order = await findClientOrder(deps.db, me(reply.request).id, ref);
    if (!order) return sendErrorPage(reply, 404);
    const { delivery, unreadElsewhere } = await clientDelivery(deps, { clientId: me(reply.request).id, orderId: order.id, markRead, sent, messageForm });
    const payment = await paidAttemptForOrder(deps.db, order.id);
    const operations = payment ? await operationsForAttempt(deps.db, payment.id) : [];
    const returns = operations.filter((op) => op.kind !== 'capture' && op.state === 'succeeded');
    const managerDeadline = order.paidAt && callbackDeadlineInWords(order.paidAt, deps.calendar, deps.clock.now(), { near: true });
    const invoices = await clientInvoicesOfOrder(deps.db, order.id);
    const work = await clientOrderWork(deps.db, order);
    const receipts = await receiptsOfOrder(deps.db, order.id);
    const basis = await surchargeBasis(deps.db, order.id);
    const extraHours = basis && { basis, requests: await extraHoursOfOrder(deps.db, order.id), error: extraHoursError };
    const acceptance = { handovers: await handoversOfOrder(deps.db, order.id), act: await actOfOrder(deps.db, order.id), period: acceptancePeriodWords(deps.config.ACCEPTANCE_WORKING_DAYS), ...answer };
    const byTransfer = (await payerOfOrder(deps.db, order.id)) !== undefined;
    return sendPage(
      reply,
      { title: `Заказ ${orderNumber(order.number)}: ${order.serviceTitle}`, status },
      <AccountOrderPage order={order} payment={payment} returns={returns} managerDeadline={managerDeadline} invoices={invoices} receipts={receipts} work={work} extraHours={extraHours} acceptance={acceptance} delivery={delivery} unread={unreadElsewhere} csrfToken={reply.generateCsrf()} byTransfer={byTransfer} />,
    );
  }

  app.get<{ Querystring: { saved?: string } }>('/account/profile', async (request, reply) => {
    const notice = request.query.saved === '1' ? 'Изменения сохранены.' : undefined;
    return sendPage(reply, { title: 'Профиль' }, <ProfilePage client={me(request)} csrfToken={reply.generateCsrf()} notice={notice} />);
  });

  app.post<Form>('/account/profile', { preHandler: app.csrfProtection, config: formLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await updateProfile(deps, me(request), body);
    if (result.kind === 'invalid') {
      const values = { name: text(body.name), phone: text(body.phone) };
      return sendPage(reply, { title: 'Профиль', status: 422 }, <ProfilePage client={me(request)} csrfToken={reply.generateCsrf()} values={values} profileErrors={result.errors} />);
    }
    return reply.redirect('/account/profile?saved=1', 303);
  });

  app.post<Form>('/account/email', { preHandler: app.csrfProtection, config: formLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await requestEmailChange(deps, me(request), body);
    if (result.kind === 'invalid') {
      return sendPage(
        reply,
        { title: 'Профиль', status: 422 },
        <ProfilePage client={me(request)} csrfToken={reply.generateCsrf()} values={{ email: text(body.email) }} emailErrors={result.errors} />,
      );
    }
    const notice = `Мы отправили ссылку на ${result.newEmail}. Адрес сменится, когда вы перейдёте по ней (ссылка действует 72 часа).`;
    return sendPage(reply, { title: 'Профиль' }, <ProfilePage client={me(request)} csrfToken={reply.generateCsrf()} notice={notice} />);
  });

  app.get<{ Querystring: { saved?: string } }>(PASSWORD_CHANGE_PATH, async (request, reply) => {
    const notice = request.query.saved === '1' ? 'Пароль изменён. Другие сеансы завершены.' : undefined;
    const temporaryUntil = me(request).temporaryPasswordUntil;
    return sendPage(reply, { title: 'Пароль' }, <PasswordChangePage temporaryUntil={temporaryUntil} csrfToken={reply.generateCsrf()} notice={notice} />);
  });

  app.post<Form>(PASSWORD_CHANGE_PATH, { preHandler: app.csrfProtection, config: formLimit }, async (request, reply) => {
    const client = me(request);
    const result = await changePassword(deps, { client, sessionHash: request.sessionHash!, body: request.body ?? {} });
    if (result.kind === 'invalid') {
      return sendPage(
        reply,
        { title: 'Пароль', status: 422 },
        <PasswordChangePage temporaryUntil={client.temporaryPasswordUntil} csrfToken={reply.generateCsrf()} errors={result.errors} />,
      );
    }
    return reply.redirect(client.temporaryPasswordUntil !== null ? '/account' : `${PASSWORD_CHANGE_PATH}?saved=1`, 303);
  });

  await invoiceRoutes(app);
  // Its own plugin: the multipart parser and the onRequest session check apply to its routes only.
  await app.register(clientDeliveryRoutes, { sendOrder });

  app.get('/account/sessions', async (request, reply) => {
    const sessions = await listSessions(deps.db, me(request).id);
    return sendPage(reply, { title: 'Сеансы' }, <SessionsPage sessions={sessions} currentHash={request.sessionHash!} csrfToken={reply.generateCsrf()} />);
  });
}
