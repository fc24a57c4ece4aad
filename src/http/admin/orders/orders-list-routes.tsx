import type { FastifyInstance } from 'fastify';
import { ordersPage } from '../../../db/queries/admin-orders.js';
import { sendAdminPage } from '../views/admin-page.js';
import { listStates, OrdersListPage, type ListState } from './orders-list-page.js';

const PER_PAGE = 50;
const MAX_PAGE = 10_000;

/** ?state= one of the listed states (or none), ?page= a whole number from 1; anything else is a bad link. */
function parseListQuery(query: Record<string, unknown>): { state: ListState | null; page: number } | null {
  const state = query.state === undefined || query.state === '' ? null : listStates.find((s) => s === query.state);
  const pageText = query.page === undefined || query.page === '' ? '1' : query.page;
  if (state === undefined || typeof pageText !== 'string' || !/^[1-9]\d{0,4}$/.test(pageText) || Number(pageText) > MAX_PAGE) return null;
  return { state, page: Number(pageText) };
}

/** GET /admin/orders — every order after payment, newest first, 50 a page. */
export async function ordersListRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get<{ Querystring: Record<string, unknown> }>('/admin/orders', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const query = parseListQuery(request.query);
    if (!query) {
      return sendAdminPage(
        reply,
        { title: 'Заказы', status: 400 },
        <section>
          <h1>Заказы</h1>
          <p class="error-summary" role="alert">
            В адресе неверный фильтр или номер страницы. <a href="/admin/orders">Показать все заказы</a>
          </p>
        </section>,
      );
    }
    const { rows, total } = await ordersPage(deps.db, { ...query, perPage: PER_PAGE });
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    return sendAdminPage(
      reply,
      { title: 'Заказы' },
      <OrdersListPage rows={rows} total={total} state={query.state} page={query.page} pages={pages} now={deps.clock.now()} />,
    );
  });
}
