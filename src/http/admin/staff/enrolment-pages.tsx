import type { Enrolment } from '../../../actions/staff/start-enrolment.js';
import { ErrorSummary, Input, PostForm, type FormErrors } from '../../views/form-kit.js';
import { CodeField } from './sign-in-pages.js';

const passwordLabels = { name: 'Имя', email: 'Адрес почты', password: 'Пароль', password_confirm: 'Пароль ещё раз' };
const passwordHint = 'Не короче 12 символов. Удобнее всего фраза из нескольких слов.';

/** The printed setup link: the first admin's name, email and password. */
export function SetupPage({ csrfToken, token, values, errors }: { csrfToken: string; token: string; values: Record<string, string>; errors: FormErrors }) {
  return (
    <section class="panel panel-narrow">
      <h1>Первый администратор</h1>
      <p>Сотрудников пока нет. Создайте учётную запись администратора: затем подключите приложение-аутентификатор, без него войти нельзя.</p>
      <ErrorSummary errors={errors} labels={passwordLabels} />
      <PostForm action="/admin/setup" csrfToken={csrfToken}>
        <input type="hidden" name="token" value={token} />
        <Input name="name" label="Имя" autocomplete="name" value={values.name} errors={errors} maxLength={100} />
        <Input name="email" label="Адрес электронной почты" type="email" autocomplete="username" value={values.email} errors={errors} maxLength={254} />
        <Input name="password" label="Пароль" type="password" autocomplete="new-password" hint={passwordHint} errors={errors} maxLength={128} />
        <Input name="password_confirm" label="Пароль ещё раз" type="password" autocomplete="new-password" errors={errors} maxLength={128} />
        <button class="button button-primary" type="submit">
          Продолжить
        </button>
      </PostForm>
    </section>
  );
}

/** The emailed invitation: the token arrives in the fragment and link-token.js puts it in the form. */
export function InvitePage({ csrfToken, errors, token }: { csrfToken: string; errors: FormErrors; token?: string }) {
  return (
    <section class="panel panel-narrow">
      <h1>Приглашение в систему управления</h1>
      <p>Задайте пароль. Затем подключите приложение-аутентификатор: без кода из него войти нельзя.</p>
      <ErrorSummary errors={errors} labels={passwordLabels} />
      <PostForm action="/admin/invite" csrfToken={csrfToken}>
        <input type="hidden" name="token" value={token ?? ''} data-link-token />
        <Input name="password" label="Пароль" type="password" autocomplete="new-password" hint={passwordHint} errors={errors} maxLength={128} />
        <Input name="password_confirm" label="Пароль ещё раз" type="password" autocomplete="new-password" errors={errors} maxLength={128} />
        <noscript>
          <p class="error">Для этой страницы нужен JavaScript: ссылка передаёт ключ приглашения так, чтобы он не попал в журналы сервера.</p>
        </noscript>
        <button class="button button-primary" type="submit">
          Задать пароль
        </button>
      </PostForm>
    </section>
  );
}

/** The secret, once: as a QR code for the app and as text for typing in. */
export function EnrolPage({ csrfToken, enrolment, qrSvgDataUri, error }: { csrfToken: string; enrolment: Enrolment; qrSvgDataUri: string; error?: string }) {
  return (
    <section class="panel panel-narrow">
      <h1>Подключите приложение-аутентификатор</h1>
      <ol>
        <li>Откройте приложение (Яндекс Ключ, Google Authenticator, 1Password или аналог) и отсканируйте код.</li>
        <li>Введите 6 цифр, которые покажет приложение.</li>
      </ol>
      <img class="totp-qr" src={qrSvgDataUri} alt="QR-код для приложения-аутентификатора" width={220} height={220} />
      <p>
        Не получается отсканировать? Введите ключ вручную:
        <br />
        <code class="totp-secret">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <p class="hint">Ключ показывается только сейчас. Код действует 30 секунд.</p>
      <ErrorSummary errors={error ? { code: error } : {}} labels={{ code: 'Код' }} />
      <PostForm action="/admin/enrol" csrfToken={csrfToken}>
        <input type="hidden" name="enrol_token" value={enrolment.enrolToken} />
        <CodeField error={error} />
        <button class="button button-primary" type="submit">
          Подтвердить
        </button>
      </PostForm>
    </section>
  );
}

export function RecoveryCodesPage({ codes }: { codes: string[] }) {
  return (
    <section class="panel panel-narrow">
      <h1>Резервные коды</h1>
      <p>
        <strong>Сохраните эти коды сейчас</strong> — в менеджере паролей или распечатайте. Они больше не будут показаны. Каждый код
        срабатывает один раз, если телефона с приложением нет под рукой.
      </p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li>{code}</li>
        ))}
      </ol>
      <a class="button button-primary" href="/admin">
        Коды сохранены, продолжить
      </a>
    </section>
  );
}
