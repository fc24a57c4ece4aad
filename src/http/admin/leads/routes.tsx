import type { FastifyInstance } from 'fastify';
import { markLeadContacted } from '../../../actions/leads/mark-lead-contacted.js';
import { recentlyContactedLeads, waitingLeads } from '../../../db/queries/leads.js';
import { sendErrorPage } from '../../views/error-page.js';
import { isUuid } from '../orders/format.js';
import { sendAdminPage } from '../views/admin-page.js';
import { LeadsPage } from './leads-page.js';

const notices: Record<string, string> = {
  contacted: 'Заявка отмечена: клиенту перезвонили.',
  already: 'По этой заявке уже отметили звонок.',
};

/** /admin/leads: call-back requests from the Tilda site (POST /integrations/tilda/lead). */
export async function leadsArea(app: FastifyInstance) {
  const { deps } = app;

  app.get<{ Querystring: { done?: string } }>('/admin/leads', { config: { staff: 'leads.work' } }, async (request, reply) => {
    const [waiting, contacted] = await Promise.all([waitingLeads(deps.db), recentlyContactedLeads(deps.db)]);
    const notice = (request.query.done && notices[request.query.done]) ?? null;
    return sendAdminPage(
      reply,
      { title: waiting.length > 0 ? `(${waiting.length}) Заявки на звонок` : 'Заявки на звонок', scripts: ['/static/admin-countdown.js'] },
      <LeadsPage waiting={waiting} contacted={contacted} now={deps.clock.now()} csrfToken={reply.generateCsrf()} notice={notice} />,
    );
  });

  app.post<{ Params: { id: string } }>(
    '/admin/leads/:id/contacted',
    { config: { staff: 'leads.work' }, preHandler: app.csrfProtection },
    async (request, reply) => {
      if (!isUuid(request.params.id)) return sendErrorPage(reply, 404);
      const result = await markLeadContacted(deps, { member: request.staff!, ip: request.ip, leadId: request.params.id });
      if (result.kind === 'not_found') return sendErrorPage(reply, 404);
      return reply.redirect(`/admin/leads?done=${result.kind === 'done' ? 'contacted' : 'already'}`, 303);
    },
  );
}
