import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../app-deps.js';
import { markOrderRead } from '../../actions/orders/mark-order-read.js';
import { postClientMessage } from '../../actions/orders/post-client-message.js';
import { maxFileBytes } from '../../actions/orders/store-order-file.js';
import { clientUnreadByOrder, conversationOf, fileForClient, resultsForClient } from '../../db/queries/delivery.js';
import { sendDownload } from '../downloads.js';
import { acceptMultipart, uploadBodyLimit, uploadedFile } from '../uploads.js';
import { sendErrorPage } from '../views/error-page.js';
import type { ClientDelivery } from './delivery-panels.js';
import { requireClient } from './session.js';

/** Renders the account's order page (account-routes.tsx), here with the message form's problem. */
export type SendAccountOrder = (ref: string, reply: FastifyReply, options?: { status?: number; messageForm?: ClientDelivery['form'] }) => Promise<unknown>;

type ByRef = { Params: { ref: string; fileId?: string }; Body: Record<string, unknown> | undefined };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client's side of the order's conversation and files (docs/delivery.md). The session is checked in
 * onRequest, so an upload is read only for a signed-in client, and never past the upload limit. Every
 * file is looked up by the client, the order's reference and the file's random id together: another
 * client's file is "not found", exactly like one that does not exist.
 */
export async function clientDeliveryRoutes(app: FastifyInstance, options: { sendOrder: SendAccountOrder }) {
  const { deps } = app;
  const bodyLimit = uploadBodyLimit(maxFileBytes(deps.config));
  app.addHook('onRequest', requireClient);
  acceptMultipart(app, bodyLimit);

  app.post<ByRef>(
    '/account/orders/:ref/messages',
    { preHandler: app.csrfProtection, bodyLimit, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { ref } = request.params;
      const body = request.body ?? {};
      const result = await postClientMessage(deps, { clientId: request.client!.id, orderRef: ref, body, file: uploadedFile(body) });
      switch (result.kind) {
        case 'sent':
          return reply.redirect(`/account/orders/${ref}?sent=1#messages`, 303);
        case 'not_found':
          return sendErrorPage(reply, 404);
        case 'refused':
          return options.sendOrder(ref, reply, { status: 409, messageForm: { errors: { body: result.reason }, body: typedBody(body) } });
        case 'invalid':
          return options.sendOrder(ref, reply, { status: 422, messageForm: { errors: result.errors, body: typedBody(body) } });
      }
    },
  );

  app.get<ByRef>('/account/orders/:ref/files/:fileId', async (request, reply) => {
    const { ref, fileId = '' } = request.params;
    const file = UUID.test(fileId) ? await fileForClient(deps.db, { clientId: request.client!.id, orderRef: ref, fileId }) : undefined;
    if (!file) return sendErrorPage(reply, 404);
    return sendDownload(reply, file);
  });
}

const typedBody = (body: Record<string, unknown>) => (typeof body.body === 'string' ? body.body.slice(0, 12_000) : '');

/**
 * The order page's results and conversation. Opening the order (`markRead`) reads the manager's
 * messages; those that were new are still marked «новое» this once. `unreadElsewhere`: the menu's count.
 */
export async function clientDelivery(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: { clientId: string; orderId: string; markRead: boolean; sent: boolean; messageForm?: ClientDelivery['form'] },
): Promise<{ delivery: ClientDelivery; unreadElsewhere: number }> {
  const unreadBefore = await clientUnreadByOrder(deps.db, input.clientId);
  const messages = await conversationOf(deps.db, input.orderId);
  const unreadHere = unreadBefore.get(input.orderId) ?? 0;
  if (input.markRead && unreadHere > 0) await markOrderRead(deps, { orderId: input.orderId, side: 'client' });
  // The new ones are the last `unreadHere` of the manager's: everything after the one before them.
  const staffSeqs = messages.filter((m) => m.author === 'staff').map((m) => m.seq);
  const delivery: ClientDelivery = {
    results: await resultsForClient(deps.db, input.orderId),
    messages,
    unreadFromSeq: unreadHere > 0 ? (staffSeqs.at(-unreadHere - 1) ?? 0) : null,
    form: input.messageForm,
    sent: input.sent,
    maxFileMb: deps.config.RESULT_FILE_MAX_MB,
  };
  const unreadElsewhere = [...unreadBefore].reduce((sum, [orderId, count]) => sum + (orderId === input.orderId && input.markRead ? 0 : count), 0);
  return { delivery, unreadElsewhere };
}
