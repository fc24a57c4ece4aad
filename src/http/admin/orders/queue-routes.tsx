import type { FastifyInstance } from 'fastify';
import { parseQueueFilter } from '../../../domain/orders/callback-queue.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { callbackQueue } from '../../../db/queries/admin-orders.js';
import { ordersWithUnreadClientMessages } from '../../../db/queries/delivery.js';
import { sendAdminPage } from '../views/admin-page.js';
import { QueuePage } from './queue-page.js';

/** GET /admin/queue?filter=all|mine|unassigned|overdue — the callback queue. */
export async function queueRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get<{ Querystring: Record<string, unknown> }>('/admin/queue', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const member = request.staff!;
    const filter = parseQueueFilter(request.query.filter);
    if (!filter) {
      return sendAdminPage(
        reply,
        { title: 'Очередь звонков', status: 400 },
        <section>
          <h1>Очередь звонков</h1>
          <p class="error-summary" role="alert">
            Такого фильтра нет. <a href="/admin/queue">Показать всю очередь</a>
          </p>
        </section>,
      );
    }
    const now = deps.clock.now();
    const rows = await callbackQueue(deps.db, { filter, staffId: member.id, now });
    return sendAdminPage(
      reply,
      // The tab shows how many wait, «(3) Очередь звонков», even when another tab is in front.
      { title: rows.length > 0 ? `(${rows.length}) Очередь звонков` : 'Очередь звонков', scripts: ['/static/admin-countdown.js', '/static/admin-live-queue.js'] },
      <QueuePage rows={rows} filter={filter} now={now} canTake={allows(member.role, 'orders.work')} csrfToken={reply.generateCsrf()} unreadMessages={await ordersWithUnreadClientMessages(deps.db)} />,
    );
  });
}
