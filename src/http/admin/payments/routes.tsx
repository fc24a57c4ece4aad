import type { FastifyInstance, FastifyReply } from 'fastify';
import { cancellationRequest } from '../../../actions/payments/cancellation-request.js';
import { planReturn, type ReturnPlan } from '../../../actions/payments/plan-return.js';
import { returnPayment, type ReturnValues } from '../../../actions/payments/return-payment.js';
import { formatRub } from '../../../domain/money.js';
import { paidAttempts } from '../../../db/queries/payment-returns.js';
import { sendErrorPage } from '../../views/error-page.js';
import { isUuid } from '../orders/format.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { PaymentsListPage } from './payments-list-page.js';
import { ConfirmReturnPage } from './confirm-return-page.js';
import { ReturnPage, type ReturnPageProps } from './return-page.js';

const PAGE_SIZE = 50;
type ByAttempt = { Params: { attemptId: string }; Querystring: { operation?: string } };

/** What the page says about an operation just asked for (after the POST's redirect). */
function outcomeNotice(plan: ReturnPlan, operationId: string | undefined): ReturnPageProps['notice'] {
  const op = plan.operations.find((o) => o.id === operationId);
  if (!op) return undefined;
  const what = op.kind === 'cancel' ? `Отмена платежа на ${formatRub(op.amountKopecks)}` : `Возврат ${formatRub(op.amountKopecks)}`;
  switch (op.state) {
    case 'succeeded':
      return { tone: 'ok', text: `${what} выполнен${op.kind === 'cancel' ? 'а' : ''}. Клиенту отправлено письмо.` };
    case 'failed':
      return { tone: 'danger', text: `Платёжный шлюз отказал: ${[op.gatewayCode, op.gatewayDescription].filter(Boolean).join(' ') || 'без пояснений'}. Деньги не возвращены.` };
    default:
      return {
        tone: 'warn',
        text: `${what}: платёжный шлюз не ответил вовремя, итог неизвестен. Операция отмечена «ждёт сверки»: сверка с шлюзом (раз в минуту) установит, прошла ли она, и клиент получит письмо. Не повторяйте операцию.`,
      };
  }
}

const typedValues = (body: Record<string, unknown>): ReturnValues => {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 2000) : '');
  return { amount: text(body.amount), reason: text(body.reason), work_done: text(body.work_done) };
};

/** Payments: the list, cancel or refund, the bank's cancellation request as PDF. */
export async function paymentsArea(app: FastifyInstance) {
  const { deps } = app;
  const sendReturnPage = (reply: FastifyReply, props: Omit<ReturnPageProps, 'csrfToken'>, status?: number) =>
    sendAdminPage(reply, { title: 'Отмена или возврат платежа', status }, <ReturnPage {...props} csrfToken={reply.generateCsrf()} />);

  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/payments', { config: { staff: 'payments.manage' } }, async (request, reply) => {
    const search = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 80) : '';
    const page = pageParam(request.query.page);
    const rows = await paidAttempts(deps.db, { search, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
    return sendAdminPage(
      reply,
      { title: 'Платежи' },
      <PaymentsListPage rows={rows.slice(0, PAGE_SIZE)} search={search} page={page} hasMore={rows.length > PAGE_SIZE} />,
    );
  });

  app.get<ByAttempt>('/admin/payments/:attemptId/return', { config: { staff: 'payments.manage' } }, async (request, reply) => {
    const plan = isUuid(request.params.attemptId) ? await planReturn(deps, request.params.attemptId) : null;
    if (!plan) return sendErrorPage(reply, 404, 'Такого платежа нет.');
    return sendReturnPage(reply, { plan, notice: outcomeNotice(plan, request.query.operation) });
  });

  app.post<ByAttempt & { Body: Record<string, unknown> | undefined }>(
    '/admin/payments/:attemptId/return',
    { config: { staff: 'payments.manage' }, preHandler: app.csrfProtection },
    async (request, reply) => {
      if (!isUuid(request.params.attemptId)) return sendErrorPage(reply, 404, 'Такого платежа нет.');
      const body = request.body ?? {};
      // «Нет, изменить» on the confirmation page: the form again, as it was typed; nothing is done.
      if (body.step === 'edit') {
        const plan = await planReturn(deps, request.params.attemptId);
        if (!plan) return sendErrorPage(reply, 404, 'Такого платежа нет.');
        return sendReturnPage(reply, { plan, values: typedValues(body) });
      }
      // Money moves only from the confirmation page's «Да»; the form itself leads to that page.
      const confirmed = body.step === 'confirm';
      const outcome = await returnPayment(deps, { attemptId: request.params.attemptId, staffId: request.staff!.id, ip: request.ip, body, confirmed });
      switch (outcome.kind) {
        case 'not_found':
          return sendErrorPage(reply, 404, 'Такого платежа нет.');
        case 'done':
          return reply.redirect(`/admin/payments/${outcome.plan.attempt.id}/return?operation=${outcome.result.operationId}`, 303);
        case 'confirm':
          return sendAdminPage(
            reply,
            { title: outcome.plan.decision.kind === 'cancel' ? 'Подтвердите отмену платежа' : 'Подтвердите возврат' },
            <ConfirmReturnPage plan={outcome.plan} values={outcome.values} amountKopecks={outcome.amountKopecks} csrfToken={reply.generateCsrf()} />,
          );
        case 'invalid':
          return sendReturnPage(reply, { plan: outcome.plan, values: outcome.values, errors: outcome.errors }, 422);
        case 'blocked':
          return sendReturnPage(reply, { plan: outcome.plan }, 409);
        case 'changed':
          return sendReturnPage(
            reply,
            {
              plan: outcome.plan,
              values: outcome.values,
              notice: { tone: 'warn', text: 'Пока страница была открыта, решение изменилось (например, закрылся банковский день). Проверьте, что будет сделано, и отправьте форму ещё раз.' },
            },
            409,
          );
      }
    },
  );

  app.get<{ Params: { operationId: string } }>(
    '/admin/payments/operations/:operationId/request.pdf',
    { config: { staff: 'payments.manage' } },
    async (request, reply) => {
      const found = isUuid(request.params.operationId) ? await cancellationRequest(deps, request.params.operationId) : null;
      if (!found) return sendErrorPage(reply, 404, 'Заявка на отмену операции составляется только для возвратов после закрытия банковского дня.');
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${found.fileName}"`)
        .send(found.pdf);
    },
  );
}
