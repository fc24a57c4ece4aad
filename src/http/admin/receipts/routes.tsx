import type { FastifyInstance, FastifyReply } from 'fastify';
import { reissueReceipt } from '../../../actions/receipts/reissue-receipt.js';
import { listReceipts, RECEIPTS_PAGE_SIZE, type ReceiptFilter } from '../../../db/queries/receipts.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { ReceiptsPage, type ReceiptsView } from './receipts-page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Query = { Querystring: { view?: unknown; minutes?: unknown; page?: unknown; done?: unknown } };

const refusals = {
  not_failed: 'Повторно отправить можно только чек с ошибкой.',
  already_reissued: 'Этот чек уже отправлен повторно.',
  off: 'Чеки выключены (RECEIPTS=off): отправить чек некуда.',
} as const;

/** /admin/receipts: the receipts list with its filters, and «Отправить повторно» for a failed one. */
export async function receiptsArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'receipts.manage' as const };

  app.get<Query>('/admin/receipts', { config }, async (request, reply) =>
    sendList(reply, request.query, { notice: request.query.done === 'reissued' ? 'Чек отправлен в кассу повторно.' : undefined }),
  );

  app.post<{ Params: { id: string } }>('/admin/receipts/:id/reissue', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await reissueReceipt(deps, { receiptId: request.params.id, staffId: request.staff!.id, ip: request.ip });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'reissued') return reply.redirect('/admin/receipts?view=all&done=reissued', 303);
    return sendList(reply, {}, { problem: refusals[result.kind], status: 409 });
  });

  async function sendList(reply: FastifyReply, query: Query['Querystring'], options: { notice?: string; problem?: string; status?: number }) {
    const view: ReceiptsView = query.view === 'waiting' || query.view === 'all' ? query.view : 'failed';
    const asked = typeof query.minutes === 'string' ? Number(query.minutes) : NaN;
    const minutes = Number.isInteger(asked) && asked >= 1 && asked <= 10_080 ? asked : 15;
    const filter: ReceiptFilter = view === 'waiting' ? { kind: 'waiting', minutes, now: deps.clock.now() } : { kind: view };
    const page = pageParam(query.page);
    const { items, total } = await listReceipts(deps.db, filter, page);
    return sendAdminPage(
      reply,
      { title: 'Кассовые чеки', status: options.status },
      <ReceiptsPage view={view} minutes={minutes} items={items} total={total} page={page} pageSize={RECEIPTS_PAGE_SIZE} notice={options.notice} problem={options.problem} csrfToken={reply.generateCsrf()} />,
    );
  }
}
