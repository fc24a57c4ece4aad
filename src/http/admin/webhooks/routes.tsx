import type { FastifyInstance, FastifyReply } from 'fastify';
import { createWebhookEndpoint } from '../../../actions/webhooks/create-webhook-endpoint.js';
import { resendWebhook } from '../../../actions/webhooks/resend-webhook.js';
import { rotateWebhookSecret } from '../../../actions/webhooks/rotate-webhook-secret.js';
import { sendTestWebhook } from '../../../actions/webhooks/send-test-webhook.js';
import { setWebhookEndpointEnabled } from '../../../actions/webhooks/set-webhook-endpoint-enabled.js';
import { updateWebhookEndpoint } from '../../../actions/webhooks/update-webhook-endpoint.js';
import { DELIVERIES_PAGE_SIZE, findWebhookEndpoint, listWebhookEndpoints, webhookDeliveryLog } from '../../../db/queries/webhooks.js';
import type { EndpointField, EndpointValues } from '../../../domain/webhooks/webhook-form.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { EndpointPage } from './endpoint-page.js';
import { SecretPage } from './secret-page.js';
import { WebhooksPage } from './webhooks-page.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Form = { Body: Record<string, unknown> };
type ById = { Params: { id: string } };

const notices: Record<string, string> = {
  test: 'Тестовое событие поставлено в очередь: результат появится в журнале через несколько секунд (обновите страницу).',
  resent: 'Событие поставлено в очередь на повторную отправку.',
  saved: 'Настройки сохранены.',
  enabled: 'Получатель включён.',
  disabled: 'Получатель отключён: ему ничего не отправляется, ожидавшие отправки отменены.',
};

/** /admin/webhooks: CRM endpoints, their secrets (shown once), the delivery log, resend and test (admins only). */
export async function webhooksArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'webhooks.manage' as const };

  app.get('/admin/webhooks', { config }, async (_request, reply) => sendList(reply, { name: '', url: '', events: [] }));

  app.post<Form>('/admin/webhooks', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    const result = await createWebhookEndpoint(deps, { by: request.staff!, ip: request.ip, body: request.body ?? {} });
    if (result.kind === 'invalid') return sendList(reply, result.values, result.errors, 422);
    const endpoint = await findWebhookEndpoint(deps.db, result.endpointId);
    return sendAdminPage(reply, { title: 'Получатель добавлен' }, <SecretPage endpointId={result.endpointId} name={endpoint!.name} secret={result.secret} rotated={false} />);
  });

  app.get<ById & { Querystring: { page?: unknown; done?: unknown } }>('/admin/webhooks/:id', { config }, async (request, reply) =>
    sendEndpoint(reply, request.params.id, { page: pageParam(request.query.page), notice: typeof request.query.done === 'string' ? notices[request.query.done] : undefined }),
  );

  app.post<ById & Form>('/admin/webhooks/:id', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!uuid.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await updateWebhookEndpoint(deps, { by: request.staff!, ip: request.ip, endpointId: request.params.id, body: request.body ?? {} });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'invalid') return sendEndpoint(reply, request.params.id, { form: { values: result.values, errors: result.errors }, status: 422 });
    return reply.redirect(`/admin/webhooks/${request.params.id}?done=saved`, 303);
  });

  app.post<ById & Form>('/admin/webhooks/:id/enabled', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!uuid.test(request.params.id)) return sendErrorPage(reply, 404);
    const enabled = request.body?.enabled === '1';
    const result = await setWebhookEndpointEnabled(deps, { by: request.staff!, ip: request.ip, endpointId: request.params.id, enabled });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    return reply.redirect(`/admin/webhooks/${request.params.id}?done=${enabled ? 'enabled' : 'disabled'}`, 303);
  });

  app.post<ById>('/admin/webhooks/:id/rotate', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    const endpoint = uuid.test(request.params.id) ? await findWebhookEndpoint(deps.db, request.params.id) : undefined;
    if (!endpoint) return sendErrorPage(reply, 404);
    const result = await rotateWebhookSecret(deps, { by: request.staff!, ip: request.ip, endpointId: endpoint.id });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    return sendAdminPage(reply, { title: 'Новый секрет' }, <SecretPage endpointId={endpoint.id} name={endpoint.name} secret={result.secret} rotated />);
  });

  app.post<ById>('/admin/webhooks/:id/test', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!uuid.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await sendTestWebhook(deps, { by: request.staff!, ip: request.ip, endpointId: request.params.id });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'refused') return sendEndpoint(reply, request.params.id, { refusal: result.reason, status: 422 });
    return reply.redirect(`/admin/webhooks/${request.params.id}?done=test`, 303);
  });

  app.post<ById>('/admin/webhooks/deliveries/:id/resend', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!uuid.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await resendWebhook(deps, { by: request.staff!, ip: request.ip, deliveryId: request.params.id });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'refused') return sendErrorPage(reply, 422, result.reason);
    return reply.redirect(`/admin/webhooks/${result.endpointId}?done=resent`, 303);
  });

  async function sendList(reply: FastifyReply, values: EndpointValues, errors?: Partial<Record<EndpointField, string>>, status?: number) {
    const endpoints = await listWebhookEndpoints(deps.db);
    return sendAdminPage(reply, { title: 'Вебхуки', status }, <WebhooksPage endpoints={endpoints} values={values} errors={errors} csrfToken={reply.generateCsrf()} />);
  }

  async function sendEndpoint(
    reply: FastifyReply,
    id: string,
    options: { page?: number; notice?: string; refusal?: string; status?: number; form?: { values: EndpointValues; errors: Partial<Record<EndpointField, string>> } },
  ) {
    const endpoint = uuid.test(id) ? await findWebhookEndpoint(deps.db, id) : undefined;
    if (!endpoint) return sendErrorPage(reply, 404, 'Такого получателя нет.');
    const page = options.page ?? 1;
    const { deliveries, total } = await webhookDeliveryLog(deps.db, endpoint.id, page);
    return sendAdminPage(
      reply,
      { title: `Вебхуки: ${endpoint.name}`, status: options.status },
      <EndpointPage
        endpoint={endpoint}
        values={options.form?.values ?? { name: endpoint.name, url: endpoint.url, events: endpoint.events }}
        errors={options.form?.errors}
        deliveries={deliveries}
        total={total}
        page={page}
        pageSize={DELIVERIES_PAGE_SIZE}
        notice={options.notice}
        refusal={options.refusal}
        csrfToken={reply.generateCsrf()}
      />,
    );
  }
}
