import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { agreeSpecification } from '../../../actions/orders/agree-specification.js';
import { assignOrder } from '../../../actions/orders/assign-order.js';
import { handOverWork } from '../../../actions/orders/hand-over-work.js';
import { logContact } from '../../../actions/orders/log-contact.js';
import { logWorkHours } from '../../../actions/orders/log-work-hours.js';
import { proposeExtraHours } from '../../../actions/orders/propose-extra-hours.js';
import type { StaffActor, WorkResult } from '../../../actions/orders/work-result.js';
import { startWork } from '../../../actions/orders/start-work.js';
import { takeOrder } from '../../../actions/orders/take-order.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendOrderCard, type CardNotice } from './card-routes.js';
import { isUuid } from './format.js';
import type { CardProblem } from './order-card-page.js';

type Post = { Params: { id: string }; Body: Record<string, unknown> | undefined };

/** What was typed, to put back into the form after an error (strings only, bounded). */
const typed = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).flatMap(([key, value]) => (typeof value === 'string' && key !== '_csrf' ? [[key, value.slice(0, 12_000)]] : [])));

/**
 * The order card's forms. Each runs its action for the signed-in member; success goes back to the card
 * with a notice (PRG), bad input shows the card again with the errors (422), a step the order's state
 * does not allow shows why (409) and changes nothing.
 */
export async function workRoutes(app: FastifyInstance) {
  const { deps } = app;

  function post<F extends string>(
    path: string,
    permission: 'orders.work' | 'orders.assign',
    form: CardProblem['form'],
    run: (actor: StaffActor & { orderId: string; body: Record<string, unknown> }) => Promise<WorkResult<object, F>>,
    done: (result: object, orderId: string) => CardNotice | { location: string },
  ) {
    app.post<Post>(`/admin/orders/:id/${path}`, { preHandler: app.csrfProtection, config: { staff: permission } }, async (request, reply) => {
      const orderId = request.params.id;
      if (!isUuid(orderId)) return sendErrorPage(reply, 404, 'Такого заказа нет.');
      const body = request.body ?? {};
      const result = await run({ member: request.staff!, ip: request.ip, orderId, body });
      return answer(request, reply, orderId, result, form, body, done);
    });
  }

  post('take', 'orders.work', undefined, (input) => takeOrder(deps, input), () => 'taken');
  post('assign', 'orders.assign', 'assign', (input) => assignOrder(deps, input), () => 'assigned');
  post('contacts', 'orders.work', 'contact', (input) => logContact(deps, input), (r) => ((r as { firstContact: boolean }).firstContact ? 'first_contact' : 'contact'));
  post('specification', 'orders.work', 'specification', (input) => agreeSpecification(deps, input), () => 'specification');
  post('start', 'orders.work', undefined, (input) => startWork(deps, input), () => 'started');
  post('hours', 'orders.work', 'hours', (input) => logWorkHours(deps, input), () => 'hours');
  post('extra-hours', 'orders.work', 'extra_hours', (input) => proposeExtraHours(deps, input), () => 'extra_hours');
  // «Работа сдана»: the client accepts in the account (docs/back-office.md#acceptance-of-work). Hours beyond
  // those included lead straight to the surcharge invoice (the invoices area's page).
  post('hand-over', 'orders.work', undefined, (input) => handOverWork(deps, input), (r, orderId) =>
    (r as { uninvoicedMinutes: number }).uninvoicedMinutes > 0 ? { location: `/admin/orders/${orderId}/invoices/new` } : 'handed_over',
  );
}

async function answer<F extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  orderId: string,
  result: WorkResult<object, F>,
  form: CardProblem['form'],
  body: Record<string, unknown>,
  done: (result: object, orderId: string) => CardNotice | { location: string },
) {
  switch (result.kind) {
    case 'done': {
      const next = done(result, orderId);
      return reply.redirect(typeof next === 'string' ? `/admin/orders/${orderId}?done=${next}` : next.location, 303);
    }
    case 'not_found':
      return sendErrorPage(reply, 404, 'Такого заказа нет.');
    case 'refused':
      return sendOrderCard(request, reply, orderId, { status: 409, problem: { refusal: result.reason } });
    case 'invalid':
      return sendOrderCard(request, reply, orderId, { status: 422, problem: { form, errors: result.errors, values: typed(body) } });
  }
}
