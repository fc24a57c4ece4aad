import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteFaqEntry } from '../../../actions/catalog/delete-faq-entry.js';
import { saveFaqEntry } from '../../../actions/catalog/save-faq-entry.js';
import { faqFormFields, faqFormValues, type FaqFormValues } from '../../../domain/catalog/faq-form.js';
import { listFaq } from '../../../db/queries/storefront.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { FaqPage, type FaqPageProps } from './faq-page.js';

type Form = { Body: Record<string, unknown> | undefined };
type ById = { Params: { id: string } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notices: Record<string, string> = {
  created: 'Вопрос добавлен и уже на сайте.',
  saved: 'Изменения сохранены и уже на сайте.',
  deleted: 'Вопрос удалён с сайта.',
  not_found: 'Этого вопроса уже нет: возможно, его удалили из другого окна или другой сотрудник.',
};

/** The storefront's FAQ editor (docs/storefront.md), for those who edit the catalog. */
export async function faqArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'catalog.edit' } as const;
  const post = { preHandler: app.csrfProtection, config };
  const actor = (request: FastifyRequest) => ({ staffId: request.staff!.id, ip: request.ip });

  app.get<{ Querystring: { done?: string } }>('/admin/faq', { config }, async (request, reply) => {
    return sendFaq(reply, { notice: request.query.done ? notices[request.query.done] : undefined });
  });

  app.post<Form>('/admin/faq', post, async (request, reply) => {
    const values = valuesFor('new', request.body ?? {});
    const result = await saveFaqEntry(deps, { ...actor(request), values });
    if (result.kind === 'invalid') return sendFaq(reply, { refused: { values, errors: result.errors } }, 422);
    return reply.redirect(`/admin/faq?done=${result.kind}`, 303);
  });

  app.post<ById & Form>('/admin/faq/:id', post, async (request, reply) => {
    const id = request.params.id;
    if (!UUID.test(id)) return sendErrorPage(reply, 404);
    const values = valuesFor(id, request.body ?? {});
    const result = await saveFaqEntry(deps, { ...actor(request), entryId: id, values });
    if (result.kind === 'invalid') return sendFaq(reply, { refused: { id, values, errors: result.errors } }, 422);
    return reply.redirect(`/admin/faq?done=${result.kind}${result.kind === 'saved' ? `#faq-${id}` : ''}`, 303);
  });

  app.post<ById>('/admin/faq/:id/delete', post, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await deleteFaqEntry(deps, { ...actor(request), entryId: request.params.id });
    return reply.redirect(`/admin/faq?done=${result.kind}`, 303);
  });

  async function sendFaq(reply: FastifyReply, props: Pick<FaqPageProps, 'notice' | 'refused'>, status = 200) {
    const entries = await listFaq(deps.db);
    return sendAdminPage(reply, { title: 'Вопросы и ответы', status }, <FaqPage entries={entries} csrfToken={reply.generateCsrf()} {...props} />);
  }
}

/** Each form's fields carry its entry's prefix (`<id>-question`), so ids stay unique on the page. */
function valuesFor(prefix: string, body: Record<string, unknown>): FaqFormValues {
  return faqFormValues(Object.fromEntries(faqFormFields.map((field) => [field, body[`${prefix}-${field}`]])));
}
