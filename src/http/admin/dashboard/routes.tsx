import type { FastifyInstance } from 'fastify';
import { slaShare } from '../../../domain/orders/callback-sla.js';
import { revenueDays, revenueWindow } from '../../../domain/records/revenue-days.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { callbackRecords, failedEmailCount, ordersNeedingAttention, queueFigures, revenueSums } from '../../../db/queries/admin-dashboard.js';
import { sendAdminPage } from '../views/admin-page.js';
import { DashboardPage } from './dashboard-page.js';

const DAYS = 30;

/** The dashboard at /admin: the callback queue, the SLA, what needs a look, failed emails, revenue. */
export async function dashboardArea(app: FastifyInstance) {
  const { deps } = app;

  app.get('/admin', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const now = deps.clock.now();
    const window = revenueWindow(now, DAYS);
    // Money is for those who handle it (admins, accountants); managers see the work.
    const seesMoney = allows(request.staff!.role, 'payments.manage');
    const [queue, records, attention, failedEmails, sums] = await Promise.all([
      queueFigures(deps.db, { now, endOfToday: window.to }),
      callbackRecords(deps.db, { from: new Date(now.getTime() - DAYS * 86_400_000), to: window.to }),
      ordersNeedingAttention(deps.db),
      failedEmailCount(deps.db),
      seesMoney ? revenueSums(deps.db, window) : null,
    ]);
    const revenue = sums && revenueDays(window.dates, sums.paid, sums.returned);
    return sendAdminPage(
      reply,
      { title: 'Сводка' },
      <DashboardPage queue={queue} sla={slaShare(records, now)} attention={attention} failedEmails={failedEmails} revenue={revenue} />,
    );
  });
}
