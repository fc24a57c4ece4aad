import type { FastifyInstance, FastifyReply } from 'fastify';
import { staffSecondFactor } from '../../../actions/staff/staff-second-factor.js';
import { staffSignIn } from '../../../actions/staff/staff-sign-in.js';
import { deleteStaffSession } from '../../../db/queries/staff.js';
import { clearStaffCookie, currentStaff, presentedStaffSessionHash, setStaffCookie } from '../access.js';
import { sendAdminPage } from '../views/admin-page.js';
import { sendEnrolment, sendThrottled } from './respond.js';
import { RecoveryCodeUsedPage, StaffCodePage, StaffLoginPage, type StaffLoginPageProps } from './sign-in-pages.js';

const captchaAssets = { scripts: ['/static/captcha.js'], styles: ['/static/altcha/external/altcha.css'] };

/** Staff sign-in: email and password, then a TOTP or recovery code; only then a session. */
export async function signInRoutes(app: FastifyInstance) {
  const { deps } = app;
  const open = { staff: 'public' as const };
  const attempts = { ...open, rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.get('/admin/login', { config: open }, async (request, reply) => {
    if (await currentStaff(request)) return reply.redirect('/admin', 303);
    const signedOut = (request.query as { signed_out?: string }).signed_out === '1';
    return sendLogin(reply, { captcha: false, notice: signedOut ? 'Выход из системы управления выполнен.' : undefined });
  });

  app.post<{ Body: Record<string, unknown> | undefined }>('/admin/login', { config: attempts, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await staffSignIn(deps, { email: body.email, password: body.password, altcha: body.altcha, ip: request.ip });
    switch (result.kind) {
      case 'second_factor':
        return sendAdminPage(reply, { title: 'Код подтверждения' }, <StaffCodePage csrfToken={reply.generateCsrf()} challenge={result.challenge} />);
      case 'enrol':
        return sendEnrolment(reply, result.enrolment);
      case 'refused': {
        const email = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
        return sendLogin(reply, { email, error: result.error, captcha: result.captchaRequired }, 401);
      }
      case 'throttled':
        return sendThrottled(reply, result.retryAfterSeconds);
    }
  });

  app.post<{ Body: Record<string, unknown> | undefined }>('/admin/login/code', { config: attempts, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await staffSecondFactor(deps, {
      challenge: body.challenge,
      code: body.code,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
      previousSessionHash: presentedStaffSessionHash(request),
    });
    switch (result.kind) {
      case 'signed_in':
        setStaffCookie(request, reply, result.sessionId);
        if (result.recoveryCodesLeft === null) return reply.redirect('/admin', 303);
        return sendAdminPage(reply, { title: 'Вход по резервному коду' }, <RecoveryCodeUsedPage left={result.recoveryCodesLeft} />);
      case 'wrong_code':
        return sendAdminPage(
          reply,
          { title: 'Код подтверждения', status: 401 },
          <StaffCodePage csrfToken={reply.generateCsrf()} challenge={String(body.challenge)} error={result.error} />,
        );
      case 'throttled':
        return sendThrottled(reply, result.retryAfterSeconds);
      case 'expired':
        return sendLogin(reply, { captcha: false, error: 'Время на ввод кода истекло. Войдите ещё раз.' }, 401);
    }
  });

  app.post('/admin/logout', { config: open, preHandler: app.csrfProtection }, async (request, reply) => {
    const hash = presentedStaffSessionHash(request);
    if (hash) await deleteStaffSession(deps.db, hash);
    clearStaffCookie(request, reply);
    return reply.redirect('/admin/login?signed_out=1', 303);
  });

  function sendLogin(reply: FastifyReply, props: Omit<StaffLoginPageProps, 'csrfToken'>, status = 200) {
    const captcha = props.captcha && deps.captcha !== null;
    return sendAdminPage(
      reply,
      { title: 'Вход для сотрудников', status, ...(captcha ? captchaAssets : {}) },
      <StaffLoginPage {...props} captcha={captcha} csrfToken={reply.generateCsrf()} />,
    );
  }
}
