import type { FastifyInstance } from 'fastify';
import { AUDIT_PAGE_SIZE, auditVocabulary, listAudit, staffForFilter } from '../../../db/queries/admin-audit.js';
import { readAuditFilter } from '../../../domain/records/audit-filter.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { AuditPage } from './audit-page.js';

/** The audit log, for admins: read only, newest first, with filters. */
export async function auditArea(app: FastifyInstance) {
  const { deps } = app;

  app.get<{ Querystring: Record<string, unknown> }>('/admin/audit', { config: { staff: 'audit.view' } }, async (request, reply) => {
    const read = readAuditFilter(request.query);
    const page = pageParam(request.query.page);
    const [staff, vocabulary, found] = await Promise.all([
      staffForFilter(deps.db),
      auditVocabulary(deps.db),
      read.ok ? listAudit(deps.db, read.filter, page) : null,
    ]);
    return sendAdminPage(
      reply,
      { title: 'Журнал действий', status: read.ok ? 200 : 422 },
      <AuditPage
        values={read.values}
        errors={read.ok ? {} : read.errors}
        rows={found?.rows ?? null}
        total={found?.total ?? 0}
        page={page}
        pageSize={AUDIT_PAGE_SIZE}
        staff={staff}
        vocabulary={vocabulary}
      />,
    );
  });
}
