import type { FastifyInstance } from 'fastify';
import { serviceActFile } from '../../actions/orders/service-act-file.js';
import { findClientOrder } from '../../db/queries/clients.js';
import { sendErrorPage } from '../views/error-page.js';

/**
 * GET /account/orders/:ref/act.pdf — the act of services rendered, only for the order's own client (any
 * other gets the same 404 as for an order that does not exist), as a download that no cache keeps.
 */
export async function acceptanceRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get<{ Params: { ref: string } }>('/account/orders/:ref/act.pdf', async (request, reply) => {
    const order = await findClientOrder(deps.db, request.client!.id, request.params.ref);
    const file = order ? await serviceActFile(deps, order.id) : null;
    if (!file) return sendErrorPage(reply, 404);
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.pdf);
  });
}
