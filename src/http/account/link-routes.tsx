import type { FastifyInstance } from 'fastify';
import { confirmEmail } from '../../actions/accounts/confirm-email.js';
import { confirmNewEmail } from '../../actions/accounts/confirm-new-email.js';
import { requestPasswordReset } from '../../actions/accounts/request-password-reset.js';
import { resendVerification } from '../../actions/accounts/resend-verification.js';
import { resetPassword } from '../../actions/accounts/reset-password.js';
import { sendPage } from '../views/page.js';
import { ConfirmLinkPage, ForgotPasswordPage, linkTokenScript, ResetPasswordPage, VerificationLinkInvalidPage } from './link-pages.js';
import { Input, PostForm } from '../views/form-kit.js';
import { MessagePage } from './message-page.js';
import { presentedSessionHash, setSessionCookie } from './session.js';

type Form = { Body: Record<string, unknown> | undefined };

/** Pages behind emailed links (verification, password reset, new address) and the forms that send them. */
export async function linkRoutes(app: FastifyInstance) {
  const { deps } = app;
  const linkLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  // Each of these sends an email: few per IP (and the actions allow few per account).
  const sendLimit = { rateLimit: { max: 5, timeWindow: '15 minutes' } };
  const sentAnswer = 'Если этот адрес есть в личных кабинетах и ещё не подтверждён, мы отправили на него новую ссылку. Проверьте почту, в том числе папку «Спам».';

  app.get('/account/verify-email', async (_request, reply) =>
    sendPage(
      reply,
      { title: 'Подтверждение адреса', ...linkTokenScript },
      <ConfirmLinkPage title="Подтверждение адреса почты" action="/account/verify-email" button="Подтвердить адрес" csrfToken={reply.generateCsrf()}>
        <p>Нажмите кнопку, чтобы подтвердить адрес и открыть доступ в личный кабинет.</p>
      </ConfirmLinkPage>,
    ),
  );

  app.post<Form>('/account/verify-email', { preHandler: app.csrfProtection, config: linkLimit }, async (request, reply) => {
    const result = await confirmEmail(deps, request.body?.token);
    if (result.kind === 'invalid_link') {
      return sendPage(reply, { title: 'Ссылка устарела', status: 410 }, <VerificationLinkInvalidPage csrfToken={reply.generateCsrf()} />);
    }
    return sendPage(
      reply,
      { title: 'Адрес подтверждён' },
      <MessagePage title="Адрес подтверждён" ok>
        <p>Доступ в личный кабинет открыт. Ваш логин: {result.login}. Войдите с паролем из письма «Доступ в личный кабинет».</p>
        {/* The sign-in form right here, the login filled in: one page less on the way in. */}
        <PostForm action="/account/login" csrfToken={reply.generateCsrf()}>
          <Input name="login" label="Логин или электронная почта" autocomplete="username" value={result.login} maxLength={254} />
          <Input name="password" label="Пароль" type="password" autocomplete="current-password" />
          <button type="submit" class="button button-primary">
            Войти
          </button>
        </PostForm>
      </MessagePage>,
    );
  });

  app.post<Form>('/account/verify-email/resend', { preHandler: app.csrfProtection, config: sendLimit }, async (request, reply) => {
    const result = await resendVerification(deps, request.body?.email);
    if (result.kind === 'invalid') {
      return sendPage(reply, { title: 'Новая ссылка', status: 422 }, <VerificationLinkInvalidPage csrfToken={reply.generateCsrf()} error={result.error} />);
    }
    return sendPage(reply, { title: 'Проверьте почту' }, <MessagePage title="Проверьте почту" ok><p>{sentAnswer}</p></MessagePage>);
  });

  app.get('/account/password/forgot', async (_request, reply) =>
    sendPage(reply, { title: 'Восстановление пароля' }, <ForgotPasswordPage csrfToken={reply.generateCsrf()} />),
  );

  app.post<Form>('/account/password/forgot', { preHandler: app.csrfProtection, config: sendLimit }, async (request, reply) => {
    await requestPasswordReset(deps, request.body?.login);
    return sendPage(
      reply,
      { title: 'Проверьте почту' },
      <MessagePage title="Проверьте почту" ok>
        <p>Если такой логин или адрес есть, мы отправили на почту ссылку для нового пароля. Она действует 1 час.</p>
      </MessagePage>,
    );
  });

  app.get('/account/password/reset', async (_request, reply) =>
    sendPage(reply, { title: 'Новый пароль', ...linkTokenScript }, <ResetPasswordPage csrfToken={reply.generateCsrf()} />),
  );

  app.post<Form>('/account/password/reset', { preHandler: app.csrfProtection, config: linkLimit }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await resetPassword(deps, {
      body,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
      previousSessionHash: presentedSessionHash(request),
    });
    switch (result.kind) {
      case 'reset':
        setSessionCookie(request, reply, result.sessionId);
        return reply.redirect('/account?password=reset', 303);
      case 'invalid':
        return sendPage(
          reply,
          { title: 'Новый пароль', status: 422 },
          <ResetPasswordPage csrfToken={reply.generateCsrf()} token={typeof body.token === 'string' ? body.token : ''} errors={result.errors} />,
        );
      case 'invalid_link':
        return sendPage(
          reply,
          { title: 'Ссылка устарела', status: 410 },
          <MessagePage title="Ссылка устарела или уже использована">
            <p>Ссылка для нового пароля действует 1 час и только один раз. Запросите новую.</p>
            <p>
              <a class="button" href="/account/password/forgot">
                Запросить ссылку
              </a>
            </p>
          </MessagePage>,
        );
    }
  });

  app.get('/account/email/confirm', async (_request, reply) =>
    sendPage(
      reply,
      { title: 'Новый адрес почты', ...linkTokenScript },
      <ConfirmLinkPage title="Подтверждение нового адреса" action="/account/email/confirm" button="Подтвердить новый адрес" csrfToken={reply.generateCsrf()}>
        <p>Нажмите кнопку, и письма из личного кабинета будут приходить на этот адрес; им же можно будет входить.</p>
      </ConfirmLinkPage>,
    ),
  );

  app.post<Form>('/account/email/confirm', { preHandler: app.csrfProtection, config: linkLimit }, async (request, reply) => {
    const result = await confirmNewEmail(deps, request.body?.token);
    const [status, title, text] =
      result.kind === 'changed'
        ? [200, 'Адрес изменён', `Теперь адрес личного кабинета — ${result.email}.`]
        : result.kind === 'taken'
          ? [409, 'Адрес занят', 'Этот адрес уже используется другим личным кабинетом. Укажите другой в профиле.']
          : [410, 'Ссылка устарела', 'Ссылка действует 72 часа и только один раз. Запросите смену адреса ещё раз в профиле.'];
    return sendPage(
      reply,
      { title, status },
      <MessagePage title={title} ok={status === 200}>
        <p>{text}</p>
        <p>
          <a href="/account/profile">Перейти в профиль</a>
        </p>
      </MessagePage>,
    );
  });
}
