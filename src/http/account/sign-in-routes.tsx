import type { FastifyInstance, FastifyReply } from 'fastify';
import { signIn } from '../../actions/accounts/sign-in.js';
import { deleteClientSessions, deleteSession } from '../../db/queries/client-sessions.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { clearSessionCookie, currentClient, PASSWORD_CHANGE_PATH, presentedSessionHash, requireClient, setSessionCookie } from './session.js';
import { SignInPage, TemporaryPasswordExpiredPage, UnverifiedPage, type SignInPageProps } from './sign-in-page.js';

const captchaAssets = { scripts: ['/static/captcha.js'], styles: ['/static/altcha/external/altcha.css'] };

export async function signInRoutes(app: FastifyInstance) {
  const { deps } = app;
  // Per IP; the per-account limits (captcha, growing delays) are in signIn.
  const attemptLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.get('/account/login', async (request, reply) => {
    if (await currentClient(request)) return reply.redirect('/account', 303);
    return sendSignIn(reply, { captcha: false });
  });

  app.post<{ Body: Record<string, unknown> | undefined }>('/account/login', { preHandler: app.csrfProtection, config: attemptLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await signIn(deps, {
      name: body.login,
      password: body.password,
      altcha: body.altcha,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
      previousSessionHash: presentedSessionHash(request),
    });
    const name = typeof body.login === 'string' ? body.login.slice(0, 254) : '';
    switch (result.kind) {
      case 'signed_in':
        setSessionCookie(request, reply, result.sessionId);
        return reply.redirect(result.mustChangePassword ? PASSWORD_CHANGE_PATH : '/account', 303);
      case 'refused':
        return sendSignIn(reply, { name, error: result.error, captcha: result.captchaRequired && deps.captcha !== null }, 401);
      case 'throttled':
        reply.header('retry-after', String(result.retryAfterSeconds));
        return sendErrorPage(reply, 429, `Слишком много неудачных попыток входа. Попробуйте снова через ${waitInWords(result.retryAfterSeconds)} или восстановите пароль.`);
      case 'unverified':
        return sendPage(reply, { title: 'Подтвердите адрес почты', status: 403 }, <UnverifiedPage csrfToken={reply.generateCsrf()} email={result.email} />);
      case 'temporary_password_expired':
        return sendPage(reply, { title: 'Временный пароль истёк', status: 403 }, <TemporaryPasswordExpiredPage />);
    }
  });

  app.post('/account/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const hash = presentedSessionHash(request);
    if (hash) await deleteSession(deps.db, hash);
    clearSessionCookie(request, reply);
    return reply.redirect('/account/login?signed_out=1', 303);
  });

  app.post('/account/logout-everywhere', { preHandler: [app.csrfProtection, requireClient] }, async (request, reply) => {
    await deleteClientSessions(deps.db, request.client!.id);
    clearSessionCookie(request, reply);
    return reply.redirect('/account/login?signed_out=all', 303);
  });

  function sendSignIn(reply: FastifyReply, props: Omit<SignInPageProps, 'csrfToken'>, status = 200) {
    const notice = noticeFor(reply.request.query);
    return sendPage(
      reply,
      { title: 'Вход в личный кабинет', status, ...(props.captcha ? captchaAssets : {}) },
      <SignInPage {...props} notice={notice} csrfToken={reply.generateCsrf()} />,
    );
  }
}

function noticeFor(query: unknown): string | undefined {
  const signedOut = (query as { signed_out?: string } | undefined)?.signed_out;
  if (signedOut === '1') return 'Выход из личного кабинета выполнен.';
  if (signedOut === 'all') return 'Выход из личного кабинета выполнен на всех устройствах.';
  return undefined;
}

function waitInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} сек.` : `${Math.ceil(seconds / 60)} мин.`;
}
