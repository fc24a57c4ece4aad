import type { FastifyInstance, FastifyReply } from 'fastify';
import { resendEmail } from '../../../actions/records/resend-email.js';
import { clientOfEmail, copiesOf, EMAILS_PAGE_SIZE, emailStatuses, listEmails, originalOf, type EmailFilter } from '../../../db/queries/admin-emails.js';
import { findEmail } from '../../../db/queries/emails.js';
import { resendRefusal } from '../../../domain/records/email-resend.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { EmailListPage } from './email-list-page.js';
import { EmailPage } from './email-page.js';
import { orderNumbersById } from '../../../db/queries/orders.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type EmailParams = { Params: { id: string } };

const refusalErrors = {
  still_queued: 'Письмо ещё в очереди: отправить его ещё раз можно, когда доставка завершится.',
  copy_queued: 'Копия этого письма уже в очереди.',
  secret_delivered: 'В письме был пароль или одноразовая ссылка: его содержимое удалено после отправки.',
} as const;

/** The email outbox: every email with its delivery state, one email's page, and «Отправить ещё раз». */
export async function emailsArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'emails.view' as const };

  app.get<{ Querystring: { status?: unknown; address?: unknown; page?: unknown } }>('/admin/emails', { config }, async (request, reply) => {
    const { status, address } = request.query;
    const filter: EmailFilter = {
      status: emailStatuses.find((known) => known === status),
      address: typeof address === 'string' && address.trim() ? address.trim().slice(0, 254) : undefined,
    };
    const page = pageParam(request.query.page);
    const { emails: rows, total } = await listEmails(deps.db, filter, page);
    return sendAdminPage(reply, { title: 'Письма' }, <EmailListPage filter={filter} emails={rows} total={total} page={page} pageSize={EMAILS_PAGE_SIZE} />);
  });

  app.get<EmailParams & { Querystring: { queued?: unknown } }>('/admin/emails/:id', { config }, async (request, reply) =>
    sendEmailPage(reply, request.params.id, { justQueued: request.query.queued === '1' }),
  );

  // The email's HTML for the page's preview frame. Not srcdoc: a srcdoc frame inherits the page's
  // CSP, which blocks the inline styles every email has. This answer has a policy of its own: styles,
  // nothing else — no scripts, no forms, no requests elsewhere — and sandboxed even when opened alone.
  app.get<EmailParams>('/admin/emails/:id/preview', { config }, async (request, reply) => {
    const email = uuid.test(request.params.id) ? await findEmail(deps.db, request.params.id) : undefined;
    // Secret emails are shown to nobody but their recipient.
    if (!email || email.secret) return sendErrorPage(reply, 404);
    return reply
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox")
      .header('x-frame-options', 'SAMEORIGIN')
      .type('text/html; charset=utf-8')
      .send(email.html);
  });

  app.post<EmailParams>('/admin/emails/:id/resend', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!uuid.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await resendEmail(deps, { emailId: request.params.id, by: request.staff!, ip: request.ip });
    if (result.kind === 'not_found') return sendErrorPage(reply, 404);
    if (result.kind === 'refused') return sendEmailPage(reply, request.params.id, { error: refusalErrors[result.reason], status: 422 });
    return reply.redirect(`/admin/emails/${result.copyId}?queued=1`, 303);
  });

  async function sendEmailPage(reply: FastifyReply, id: string, options: { justQueued?: boolean; error?: string; status?: number }) {
    const email = uuid.test(id) ? await findEmail(deps.db, id) : undefined;
    if (!email) return sendErrorPage(reply, 404, 'Такого письма нет.');
    const [copies, original, clientId, numbers] = await Promise.all([
      copiesOf(deps.db, email.id),
      originalOf(deps.db, email.id),
      clientOfEmail(deps.db, email),
      orderNumbersById(deps.db, email.orderId ? [email.orderId] : []),
    ]);
    return sendAdminPage(
      reply,
      { title: 'Письмо', status: options.status },
      <EmailPage
        email={email}
        orderNumber={email.orderId ? (numbers.get(email.orderId) ?? null) : null}
        copies={copies}
        original={original}
        refusal={resendRefusal(email, copies)}
        error={options.error}
        justQueued={options.justQueued ?? false}
        clientId={allows(reply.request.staff!.role, 'clients.view') ? clientId : null}
        csrfToken={reply.generateCsrf()}
      />,
    );
  }
}
