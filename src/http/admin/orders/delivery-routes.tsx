import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addOrderResult } from '../../../actions/orders/add-order-result.js';
import { publishOrderResults } from '../../../actions/orders/publish-order-results.js';
import { postStaffMessage } from '../../../actions/orders/post-staff-message.js';
import { removeOrderResult } from '../../../actions/orders/remove-order-result.js';
import { maxFileBytes } from '../../../actions/orders/store-order-file.js';
import type { WorkResult } from '../../../actions/orders/work-result.js';
import { fileForStaff } from '../../../db/queries/delivery.js';
import { sendDownload } from '../../downloads.js';
import { acceptMultipart, uploadBodyLimit, uploadedFile } from '../../uploads.js';
import { sendErrorPage } from '../../views/error-page.js';
import { staffGate } from '../access.js';
import { sendOrderCard } from './card-routes.js';
import type { deliveryNotices } from './delivery-sections.js';
import { isUuid } from './format.js';
import type { CardProblem } from './order-card-page.js';

type ById = { Params: { id: string; resultId?: string; fileId?: string }; Body: Record<string, unknown> | undefined };

/**
 * The card's results and conversation (docs/delivery.md): attach, publish and remove results, write to
 * the client, download a file. The staff gate runs in onRequest here, so nobody's upload is read before
 * their session and permission are checked; the body is read at most to the upload limit.
 */
export async function deliveryRoutes(app: FastifyInstance) {
  const { deps } = app;
  const bodyLimit = uploadBodyLimit(maxFileBytes(deps.config));
  app.addHook('onRequest', staffGate);
  acceptMultipart(app, bodyLimit);
  const work = { preHandler: app.csrfProtection, config: { staff: 'orders.work' as const } };
  const actor = (request: FastifyRequest) => ({ member: request.staff!, ip: request.ip });

  app.post<ById>('/admin/orders/:id/results', { ...work, bodyLimit }, async (request, reply) => {
    const orderId = request.params.id;
    if (!isUuid(orderId)) return notFound(reply);
    const result = await addOrderResult(deps, { ...actor(request), orderId, body: request.body ?? {}, file: uploadedFile(request.body) });
    return answer(request, reply, result, 'result', 'result_added', '#results');
  });

  app.post<ById>('/admin/orders/:id/results/publish', work, async (request, reply) => {
    const orderId = request.params.id;
    if (!isUuid(orderId)) return notFound(reply);
    const result = await publishOrderResults(deps, { ...actor(request), orderId });
    const notice = result.kind === 'done' && result.published === 0 ? 'results_nothing' : 'results_published';
    return answer(request, reply, result, 'result', notice, '#results');
  });

  app.post<ById>('/admin/orders/:id/results/:resultId/remove', work, async (request, reply) => {
    const { id: orderId, resultId = '' } = request.params;
    if (!isUuid(orderId) || !isUuid(resultId)) return notFound(reply);
    const result = await removeOrderResult(deps, { ...actor(request), orderId, resultId });
    return answer(request, reply, result, 'result', 'result_removed', '#results');
  });

  app.post<ById>('/admin/orders/:id/messages', { ...work, bodyLimit }, async (request, reply) => {
    const orderId = request.params.id;
    if (!isUuid(orderId)) return notFound(reply);
    const result = await postStaffMessage(deps, { ...actor(request), orderId, body: request.body ?? {}, file: uploadedFile(request.body) });
    return answer(request, reply, result, 'message', 'message_sent', '#messages');
  });

  // Any member who may see the order may download its files; the file must belong to that order.
  app.get<ById>('/admin/orders/:id/files/:fileId', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const { id: orderId, fileId = '' } = request.params;
    const file = isUuid(orderId) && isUuid(fileId) ? await fileForStaff(deps.db, { orderId, fileId }) : undefined;
    if (!file) return sendErrorPage(reply, 404, 'Такого файла нет.');
    return sendDownload(reply, file);
  });
}

const notFound = (reply: FastifyReply) => sendErrorPage(reply, 404, 'Такого заказа нет.');

/** Success back to the card with a notice (PRG); bad input on the card with the errors next to the fields. */
async function answer(
  request: FastifyRequest<ById>,
  reply: FastifyReply,
  result: WorkResult<object, string>,
  form: CardProblem['form'],
  notice: keyof typeof deliveryNotices,
  anchor: string,
) {
  const orderId = request.params.id;
  switch (result.kind) {
    case 'done':
      return reply.redirect(`/admin/orders/${orderId}?done=${notice}${anchor}`, 303);
    case 'not_found':
      return notFound(reply);
    case 'refused':
      return sendOrderCard(request, reply, orderId, { status: 409, problem: { refusal: result.reason } });
    case 'invalid': {
      // What was typed goes back into the form; a file never does (the browser cannot be given one).
      const body = request.body ?? {};
      const values = Object.fromEntries(['url', 'note', 'body'].flatMap((key) => (typeof body[key] === 'string' ? [[key, (body[key] as string).slice(0, 12_000)]] : [])));
      return sendOrderCard(request, reply, orderId, { status: 422, problem: { form, errors: result.errors, values } });
    }
  }
}
