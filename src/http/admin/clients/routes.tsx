import type { FastifyInstance } from 'fastify';
import { openClientCard } from '../../../actions/records/open-client-card.js';
import { CLIENTS_PAGE_SIZE, listClients, ordersWithoutAccount } from '../../../db/queries/admin-clients.js';
import { clientSearch } from '../../../domain/records/client-search.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { ClientCardPage } from './client-card-page.js';
import { ClientListPage } from './client-list-page.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Orders without an account shown under a search: a search narrow enough finds them all. */
const ORPHAN_ORDERS_LIMIT = 50;

/** Clients: the list with search, and a client's card (every opening is audited). */
export async function clientsArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'clients.view' as const };

  app.get<{ Querystring: { q?: unknown; page?: unknown } }>('/admin/clients', { config }, async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 200) : '';
    const page = pageParam(request.query.page);
    const search = clientSearch(q);
    const { clients, total } = await listClients(deps.db, search, page);
    const orphanOrders = search ? await ordersWithoutAccount(deps.db, search, ORPHAN_ORDERS_LIMIT) : null;
    return sendAdminPage(
      reply,
      { title: 'Клиенты' },
      <ClientListPage q={q} clients={clients} total={total} page={page} pageSize={CLIENTS_PAGE_SIZE} orphanOrders={orphanOrders} />,
    );
  });

  app.get<{ Params: { id: string } }>('/admin/clients/:id', { config }, async (request, reply) => {
    const member = request.staff!;
    const card = uuid.test(request.params.id) ? await openClientCard(deps, { clientId: request.params.id, by: member, ip: request.ip }) : undefined;
    if (!card) return sendErrorPage(reply, 404, 'Такого клиента нет. Найдите его в списке клиентов.');
    return sendAdminPage(
      reply,
      { title: 'Карточка клиента' },
      <ClientCardPage card={card} now={deps.clock.now()} canOpenEmails={allows(member.role, 'emails.view')} />,
    );
  });
}
