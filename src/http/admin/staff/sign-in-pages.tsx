import { ErrorSummary, Input, PostForm, type FormErrors } from '../../views/form-kit.js';

export interface StaffLoginPageProps {
  csrfToken: string;
  email?: string;
  error?: string;
  notice?: string;
  captcha: boolean;
}

export function StaffLoginPage({ csrfToken, email, error, notice, captcha }: StaffLoginPageProps) {
  return (
    <section class="panel panel-narrow">
      <h1>Вход для сотрудников</h1>
      {notice && <p class="notice">{notice}</p>}
      {error && <ErrorSummary errors={{ form: error }} labels={{}} />}
      <PostForm action="/admin/login" csrfToken={csrfToken}>
        <Input name="email" label="Адрес электронной почты" type="email" autocomplete="username" value={email} maxLength={254} />
        <Input name="password" label="Пароль" type="password" autocomplete="current-password" maxLength={1024} />
        {captcha && (
          <div class="field">
            <p class="hint">Было несколько неудачных попыток: подтвердите, что вы не робот.</p>
            <altcha-widget name="altcha" challenge="/captcha/challenge?form=sign-in" language="ru" />
          </div>
        )}
        <button class="button button-primary" type="submit">
          Продолжить
        </button>
      </PostForm>
      <p class="hint">Нет доступа или потерян телефон с приложением и резервные коды? Обратитесь к администратору: он отправит новое приглашение.</p>
    </section>
  );
}

export function StaffCodePage({ csrfToken, challenge, error }: { csrfToken: string; challenge: string; error?: string }) {
  const errors: FormErrors = error ? { code: error } : {};
  return (
    <section class="panel panel-narrow">
      <h1>Код подтверждения</h1>
      <p>Откройте приложение-аутентификатор и введите 6 цифр для этой системы.</p>
      <ErrorSummary errors={errors} labels={{ code: 'Код' }} />
      <PostForm action="/admin/login/code" csrfToken={csrfToken}>
        <input type="hidden" name="challenge" value={challenge} />
        <CodeField error={error} />
        <p class="hint">Нет телефона под рукой? Введите один из резервных кодов вида xxxxx-xxxxx: каждый срабатывает один раз.</p>
        <button class="button button-primary" type="submit">
          Войти
        </button>
      </PostForm>
    </section>
  );
}

/** The one-time code input: digits keyboard on phones, and autofill from the authenticator where offered. */
export function CodeField({ error }: { error?: string }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for="field-code">Код из приложения</label>
      {error && (
        <p class="error" id="error-code">
          {error}
        </p>
      )}
      <input
        id="field-code"
        name="code"
        type="text"
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={16}
        required
        autofocus
        {...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'error-code' } : {})}
      />
    </div>
  );
}

/** After a recovery code: how many are left, and what to do about a lost phone. */
export function RecoveryCodeUsedPage({ left }: { left: number }) {
  return (
    <section class="panel panel-narrow">
      <h1>Вход по резервному коду</h1>
      <p>
        Этот код больше не сработает. Осталось резервных кодов: <strong>{left}</strong>.
      </p>
      <p>Если телефон с приложением потерян, попросите администратора сбросить доступ: вы получите новое приглашение, новое подключение приложения и новые коды.</p>
      <a class="button button-primary" href="/admin">
        Продолжить
      </a>
    </section>
  );
}
