import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { serviceActFile } from '../../../actions/orders/service-act-file.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { handoverStateNames } from '../../../domain/orders/acceptance.js';
import { actTitle } from '../../../domain/orders/service-act.js';
import { actOfOrder, handoversOfOrder } from '../../../db/queries/acceptance.js';
import { sendErrorPage } from '../../views/error-page.js';
import { isUuid } from './format.js';

const actHref = (orderId: string) => `/admin/orders/${orderId}/act.pdf`;

/**
 * The order card's «Приёмка работы»: each hand-over with its deadline and how it ended, the client's
 * remarks in their words, and the act once the order is completed; null before the first hand-over.
 */
export async function orderAcceptanceSection(request: FastifyRequest, orderId: string): Promise<VNode | null> {
  const { db } = request.server.deps;
  const handovers = await handoversOfOrder(db, orderId);
  if (handovers.length === 0) return null;
  const act = await actOfOrder(db, orderId);
  return (
    <section class="panel" id="acceptance" aria-labelledby="acceptance-title">
      <h2 id="acceptance-title">Приёмка работы</h2>
      {act && (
        <p>
          <a class="button button-small" href={actHref(orderId)}>
            {actTitle(act.data)} (PDF)
          </a>{' '}
          {act.data.acceptance === 'silence' ? 'Принято без замечаний по истечении срока.' : 'Клиент принял работу в личном кабинете.'}
        </p>
      )}
      <div class="table-scroll">
        <table class="data-table orders-stack">
          <thead>
            <tr>
              <th scope="col">Сдано (мск)</th>
              <th scope="col">Кто сдал</th>
              <th scope="col">Срок приёмки</th>
              <th scope="col">Итог</th>
              <th scope="col">Замечания клиента</th>
            </tr>
          </thead>
          <tbody>
            {handovers.map((handover) => (
              <tr>
                <td class="orders-when" data-label="Сдано">
                  {moscowShort(handover.handedOverAt)}
                </td>
                <td data-label="Кто сдал">{handover.handedOverByName}</td>
                <td class="orders-when" data-label="Срок приёмки">
                  до {moscowShort(handover.acceptBy)}
                </td>
                <td data-label="Итог">
                  {handoverStateNames[handover.state]}
                  {handover.answeredAt && `, ${moscowShort(handover.answeredAt)}`}
                </td>
                <td class="orders-note" data-label="Замечания клиента">
                  {handover.remarks ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** GET /admin/orders/:id/act.pdf — the act, for everyone who may see the order card. */
export async function acceptanceRoutes(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/admin/orders/:id/act.pdf', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const file = isUuid(request.params.id) ? await serviceActFile(app.deps, request.params.id) : null;
    if (!file) return sendErrorPage(reply, 404, 'Акт составляется, когда клиент принял работу.');
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.pdf);
  });
}
