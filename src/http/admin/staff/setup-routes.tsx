import type { FastifyInstance } from 'fastify';
import { acceptInvitation } from '../../../actions/staff/accept-invitation.js';
import { acceptSetup } from '../../../actions/staff/accept-setup.js';
import { confirmEnrolment } from '../../../actions/staff/confirm-enrolment.js';
import { enrolmentInProgress } from '../../../actions/staff/start-enrolment.js';
import { peekStaffToken, staffExists } from '../../../db/queries/staff.js';
import { tokenHash } from '../../../accounts/secrets.js';
import { sendErrorPage } from '../../views/error-page.js';
import { setStaffCookie } from '../access.js';
import { sendAdminPage } from '../views/admin-page.js';
import { InvitePage, RecoveryCodesPage, SetupPage } from './enrolment-pages.js';
import { sendEnrolment, sendThrottled } from './respond.js';

type Form = { Body: Record<string, unknown> | undefined };

/** The first admin (printed setup link), invited staff (emailed link), and the TOTP enrolment. */
export async function setupRoutes(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'public' as const, rateLimit: { max: 10, timeWindow: '1 minute' } };
  const usedLink = 'Ссылка уже использована или устарела. Если администратор уже создан, войдите; если нет — перезапустите сервер, он напечатает новую ссылку.';

  app.get<{ Querystring: { token?: string } }>('/admin/setup', { config }, async (request, reply) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    const live = token && !(await staffExists(deps.db)) && (await peekStaffToken(deps.db, tokenHash(token), 'setup', deps.clock.now()));
    if (!live) return sendErrorPage(reply, 410, usedLink);
    return sendAdminPage(reply, { title: 'Первый администратор' }, <SetupPage csrfToken={reply.generateCsrf()} token={token} values={{}} errors={{}} />);
  });

  app.post<Form>('/admin/setup', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await acceptSetup(deps, { token: body.token, body, ip: request.ip });
    if (result.kind === 'link_used') return sendErrorPage(reply, 410, usedLink);
    if (result.kind === 'invalid') {
      const values = { name: String(body.name ?? '').slice(0, 100), email: String(body.email ?? '').slice(0, 254) };
      return sendAdminPage(
        reply,
        { title: 'Первый администратор', status: 422 },
        <SetupPage csrfToken={reply.generateCsrf()} token={String(body.token ?? '')} values={values} errors={result.errors} />,
      );
    }
    return sendEnrolment(reply, result.enrolment);
  });

  app.get('/admin/invite', { config }, async (_request, reply) =>
    sendAdminPage(reply, { title: 'Приглашение', scripts: ['/static/link-token.js'] }, <InvitePage csrfToken={reply.generateCsrf()} errors={{}} />),
  );

  app.post<Form>('/admin/invite', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await acceptInvitation(deps, { token: body.token, body, ip: request.ip });
    if (result.kind === 'link_invalid') {
      return sendErrorPage(reply, 410, 'Ссылка приглашения уже использована или устарела (она действует 72 часа). Попросите администратора отправить новое приглашение.');
    }
    if (result.kind === 'invalid') {
      return sendAdminPage(
        reply,
        { title: 'Приглашение', status: 422, scripts: ['/static/link-token.js'] },
        <InvitePage csrfToken={reply.generateCsrf()} errors={result.errors} token={String(body.token ?? '')} />,
      );
    }
    return sendEnrolment(reply, result.enrolment);
  });

  app.post<Form>('/admin/enrol', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await confirmEnrolment(deps, { enrolToken: body.enrol_token, code: body.code, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    switch (result.kind) {
      case 'enrolled':
        setStaffCookie(request, reply, result.sessionId);
        return sendAdminPage(reply, { title: 'Резервные коды' }, <RecoveryCodesPage codes={result.recoveryCodes} />);
      case 'wrong_code':
        // The same secret stays on the page: the person already scanned it.
        return sendErrorOnEnrolment(String(body.enrol_token ?? ''), result.error);
      case 'throttled':
        return sendThrottled(reply, result.retryAfterSeconds);
      case 'expired':
        return sendErrorPage(reply, 410, 'Время на подключение приложения истекло (30 минут). Войдите с адресом почты и паролем — мы покажем новый ключ.');
    }

    async function sendErrorOnEnrolment(enrolToken: string, error: string) {
      const enrolment = await enrolmentInProgress(deps, enrolToken);
      if (!enrolment) return sendErrorPage(reply, 410, 'Время на подключение приложения истекло. Войдите ещё раз.');
      return sendEnrolment(reply, enrolment, error, 401);
    }
  });
}
