import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publishLegalVersion } from '../../../actions/content/publish-legal-version.js';
import { saveCompanyDetails } from '../../../actions/content/save-company-details.js';
import { saveEmailWording } from '../../../actions/content/save-email-wording.js';
import { legalVersionHistory } from '../../../db/queries/content.js';
import { moscowDate, moscowDay } from '../../../domain/calendar/moscow-time.js';
import { companyFields, valuesOfCompany, type CompanyFormErrors, type CompanyFormValues } from '../../../domain/content/company-details.js';
import { checkWording, isClientEmailType, type ClientEmailType, type EmailWording, type WordingErrors } from '../../../domain/content/email-wording.js';
import { editionLabel, isLegalDocument, legalDocuments, versionInEffect, type LegalDocument } from '../../../domain/content/legal-versions.js';
import { sampleEmail } from '../../../email/templates/samples.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { CompanyPage } from './company-page.js';
import { EmailWordingPage } from './email-page.js';
import { LegalPage } from './legal-page.js';
import { ContentOverviewPage } from './overview-page.js';

type Form = { Body: Record<string, unknown> | undefined };
type ByDocument = { Params: { document: string } };
type ByType = { Params: { type: string } };
const field = (body: Record<string, unknown> | undefined, name: string, max = 500) => (typeof body?.[name] === 'string' ? (body[name] as string).slice(0, max) : '');
const LEGAL_MAX = 100_500;

/**
 * What the owner edits (docs/content.md): the company's details, the legal texts as dated versions,
 * and the client emails' wording with a preview. Admins only; every save is audited.
 */
export async function contentArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'content.edit' } as const;
  const post = { preHandler: app.csrfProtection, config };
  const actor = (request: FastifyRequest) => ({ staffId: request.staff!.id, ip: request.ip });
  const done = (request: FastifyRequest) => (request.query as { done?: string }).done ?? '';

  app.get('/admin/content', { config }, async (_request, reply) => {
    const content = deps.content.current();
    const now = deps.clock.now();
    const legal = legalDocuments.map((document) => ({
      current: versionInEffect(content.legal, document, now),
      upcoming: content.legal.filter((v) => v.document === document && v.effectiveFrom > now),
    }));
    return sendAdminPage(
      reply,
      { title: 'Тексты и реквизиты' },
      <ContentOverviewPage company={content.company} fromSettings={content.company.bank === null} legal={legal} emails={content.emails} />,
    );
  });

  // Company details.
  app.get('/admin/content/company', { config }, async (request, reply) => {
    const { company } = deps.content.current();
    return sendCompany(reply, valuesOfCompany(company), {}, done(request) === 'saved' ? 'Реквизиты сохранены: они уже на сайте и в новых письмах.' : done(request) === 'unchanged' ? 'Изменений не было.' : undefined);
  });

  app.post<Form>('/admin/content/company', post, async (request, reply) => {
    const values: CompanyFormValues = Object.fromEntries(companyFields.map((name) => [name, field(request.body, name)]));
    const result = await saveCompanyDetails(deps, { ...actor(request), values });
    if (result.kind === 'invalid') return sendCompany(reply, values, result.errors, undefined, 422);
    return reply.redirect(`/admin/content/company?done=${result.kind}`, 303);
  });

  function sendCompany(reply: FastifyReply, values: CompanyFormValues, errors: CompanyFormErrors, notice?: string, status = 200) {
    const fromSettings = deps.content.current().company.bank === null;
    return sendAdminPage(reply, { title: 'Реквизиты компании', status }, <CompanyPage values={values} errors={errors} csrfToken={reply.generateCsrf()} notice={notice} fromSettings={fromSettings} />);
  }

  // Legal texts.
  app.get<ByDocument>('/admin/content/legal/:document', { config }, async (request, reply) => {
    const { document } = request.params;
    if (!isLegalDocument(document)) return sendErrorPage(reply, 404);
    const now = deps.clock.now();
    // The form starts from the newest text (a scheduled one, if any), dated tomorrow.
    const newest = deps.content
      .current()
      .legal.filter((v) => v.document === document)
      .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0];
    const tomorrow = moscowDay(moscowDate(new Date(now.getTime() + 86_400_000)));
    const query = request.query as { done?: string; date?: string };
    const notice =
      query.done === 'published' && query.date ? `Опубликована ${editionLabel(query.date).toLowerCase()}` : query.done === 'replaced' && query.date ? `${editionLabel(query.date)} заменена новым текстом.` : undefined;
    return sendLegal(reply, document, { effective_date: tomorrow, body: newest?.body ?? '' }, {}, notice);
  });

  app.post<ByDocument & Form>('/admin/content/legal/:document', post, async (request, reply) => {
    const { document } = request.params;
    if (!isLegalDocument(document)) return sendErrorPage(reply, 404);
    const values = { effective_date: field(request.body, 'effective_date', 40), body: field(request.body, 'body', LEGAL_MAX) };
    const result = await publishLegalVersion(deps, { ...actor(request), document, effectiveDate: values.effective_date, body: values.body });
    if (result.kind === 'invalid') return sendLegal(reply, document, values, result.errors, undefined, 422);
    return reply.redirect(`/admin/content/legal/${document}?done=${result.kind}&date=${result.effectiveDate}`, 303);
  });

  async function sendLegal(reply: FastifyReply, document: LegalDocument, values: { effective_date: string; body: string }, errors: { effective_date?: string; body?: string }, notice?: string, status = 200) {
    const now = deps.clock.now();
    const history = await legalVersionHistory(deps.db, document);
    const current = versionInEffect(deps.content.current().legal, document, now);
    return sendAdminPage(
      reply,
      { title: 'Юридический текст', status },
      <LegalPage document={document} history={history} currentDate={current?.effectiveDate ?? null} values={values} errors={errors} csrfToken={reply.generateCsrf()} notice={notice} now={now} />,
    );
  }

  // Email wording.
  app.get<ByType>('/admin/content/emails/:type', { config }, async (request, reply) => {
    const { type } = request.params;
    if (!isClientEmailType(type)) return sendErrorPage(reply, 404);
    const saved = deps.content.current().emails[type];
    const notice = done(request) === 'saved' ? 'Сохранено: новые письма уходят с этим текстом.' : done(request) === 'unchanged' ? 'Изменений не было.' : undefined;
    return sendWording(reply, type, { greeting: saved.greeting, sign_off: saved.signOff, paragraph: saved.paragraph }, {}, notice);
  });

  app.post<ByType & Form>('/admin/content/emails/:type', post, async (request, reply) => {
    const { type } = request.params;
    if (!isClientEmailType(type)) return sendErrorPage(reply, 404);
    const values = { greeting: field(request.body, 'greeting', 300), sign_off: field(request.body, 'sign_off', 600), paragraph: field(request.body, 'paragraph', 2_000) };
    const input = { greeting: values.greeting, signOff: values.sign_off, paragraph: values.paragraph };
    if (field(request.body, 'intent') === 'preview') {
      const checked = checkWording(input);
      return sendWording(reply, type, values, checked.ok ? {} : checked.errors, undefined, checked.ok ? 200 : 422);
    }
    const result = await saveEmailWording(deps, { ...actor(request), type, ...input });
    if (result.kind === 'invalid') return sendWording(reply, type, values, result.errors, undefined, 422);
    return reply.redirect(`/admin/content/emails/${type}?done=${result.kind}`, 303);
  });

  // The sample email for the preview frame, with the wording in the query (saved or being edited). Its
  // own policy, as in the outbox (src/http/admin/emails/routes.tsx): inline styles and nothing else.
  app.get<ByType & { Querystring: Record<string, unknown> }>('/admin/content/emails/:type/preview', { config }, async (request, reply) => {
    const { type } = request.params;
    if (!isClientEmailType(type)) return sendErrorPage(reply, 404);
    const q = request.query;
    const text = (name: string) => (typeof q[name] === 'string' ? (q[name] as string).slice(0, 2_000) : '');
    // Without a wording in the address: the saved one.
    const saved = deps.content.current().emails[type];
    const asked = 'greeting' in q ? { greeting: text('greeting'), signOff: text('sign_off'), paragraph: text('paragraph') } : saved;
    const checked = checkWording(asked);
    if (!checked.ok) return sendErrorPage(reply, 422);
    return reply
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox")
      .header('x-frame-options', 'SAMEORIGIN')
      .type('text/html; charset=utf-8')
      .send(preview(type, checked.wording).html);
  });

  function preview(type: ClientEmailType, wording: EmailWording) {
    const content = deps.content.current();
    return sampleEmail(type, { company: content.company, emails: { ...content.emails, [type]: wording } }, deps.config.PUBLIC_URL);
  }

  function sendWording(reply: FastifyReply, type: ClientEmailType, values: { greeting: string; sign_off: string; paragraph: string }, errors: WordingErrors, notice?: string, status = 200) {
    const checked = checkWording({ greeting: values.greeting, signOff: values.sign_off, paragraph: values.paragraph });
    const query = new URLSearchParams(values).toString();
    return sendAdminPage(
      reply,
      { title: 'Текст письма', status },
      <EmailWordingPage
        type={type}
        values={values}
        errors={errors}
        previewUrl={checked.ok ? `/admin/content/emails/${type}/preview?${query}` : null}
        previewText={checked.ok ? preview(type, checked.wording).text : null}
        csrfToken={reply.generateCsrf()}
        notice={notice}
      />,
    );
  }
}
