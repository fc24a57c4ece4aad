import { ErrorSummary, Input, PostForm } from '../views/form-kit.js';

export interface SignInPageProps {
  csrfToken: string;
  name?: string;
  error?: string;
  /** After a few failures: the "I am not a robot" check. */
  captcha: boolean;
  /** Why the client landed here (a notice above the form). */
  notice?: string;
}

export function SignInPage({ csrfToken, name, error, captcha, notice }: SignInPageProps) {
  return (
    <section class="panel panel-narrow">
      <h1>Вход в личный кабинет</h1>
      {notice && (
        <p class="status status-ok" role="status">
          {notice}
        </p>
      )}
      <PostForm action="/account/login" csrfToken={csrfToken}>
        <ErrorSummary errors={{ form: error }} labels={{}} />
        <Input name="login" label="Логин или электронная почта" autocomplete="username" value={name} maxLength={254}
          hint="Логин пришёл в письме «Доступ в личный кабинет» после оплаты." />
        <Input name="password" label="Пароль" type="password" autocomplete="current-password" />
        {captcha && (
          <div class="field">
            <altcha-widget name="altcha" challenge="/captcha/challenge?form=sign-in" language="ru" />
          </div>
        )}
        <button type="submit" class="button button-primary">
          Войти
        </button>
      </PostForm>
      <p>
        <a href="/account/password/forgot">Забыли пароль или временный пароль истёк?</a>
      </p>
    </section>
  );
}

/** The password was right but the address is not confirmed yet. */
export function UnverifiedPage({ csrfToken, email }: { csrfToken: string; email: string }) {
  return (
    <section class="panel panel-narrow">
      <h1>Подтвердите адрес почты</h1>
      <p>
        Чтобы открыть личный кабинет, подтвердите адрес <strong>{email}</strong>: нажмите на ссылку из письма «Подтвердите адрес
        электронной почты», которое мы отправили после оплаты.
      </p>
      <p>Письма нет или ссылка устарела? Мы пришлём новую.</p>
      <PostForm action="/account/verify-email/resend" csrfToken={csrfToken}>
        <input type="hidden" name="email" value={email} />
        <button type="submit" class="button">
          Отправить ссылку ещё раз
        </button>
      </PostForm>
    </section>
  );
}

export function TemporaryPasswordExpiredPage() {
  return (
    <section class="panel panel-narrow">
      <h1>Временный пароль больше не действует</h1>
      <p>
        Временный пароль действует 72 часа после отправки, пока вы не зададите свой. Запросите новый пароль: мы пришлём на вашу
        почту ссылку, по которой можно задать свой и сразу войти.
      </p>
      <p>
        <a class="button" href="/account/password/forgot">
          Запросить новый пароль
        </a>
      </p>
    </section>
  );
}
