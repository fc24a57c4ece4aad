import type { ComponentChildren } from 'preact';
import type { NewPasswordErrors } from '../../accounts/new-password.js';
import { ErrorSummary, Input, PostForm } from '../views/form-kit.js';

/** Pages opened from emailed links; the token comes from the link's fragment (see public/link-token.js). */
export const linkTokenScript = { scripts: ['/static/link-token.js'] };

function TokenField({ value = '' }: { value?: string }) {
  return (
    <>
      <input type="hidden" name="token" value={value} data-link-token />
      <noscript>
        <p class="error">Чтобы продолжить, включите JavaScript: без него страница не прочитает ссылку из письма.</p>
      </noscript>
    </>
  );
}

/**
 * A link's landing page: nothing happens until the button is pressed, so mail scanners that open
 * links cannot use them up.
 */
export function ConfirmLinkPage(props: { title: string; action: string; button: string; csrfToken: string; children: ComponentChildren }) {
  return (
    <section class="panel panel-narrow">
      <h1>{props.title}</h1>
      {props.children}
      <PostForm action={props.action} csrfToken={props.csrfToken}>
        <TokenField />
        <button type="submit" class="button button-primary">
          {props.button}
        </button>
      </PostForm>
    </section>
  );
}

/** A verification link that expired, was used or replaced: ask for a new one. */
export function VerificationLinkInvalidPage({ csrfToken, error }: { csrfToken: string; error?: string }) {
  return (
    <section class="panel panel-narrow">
      <h1>Ссылка устарела или уже использована</h1>
      <p>
        Ссылка для подтверждения действует 72 часа и только один раз; после запроса новой ссылки старые перестают работать. Если
        адрес уже подтверждён, просто <a href="/account/login">войдите</a>.
      </p>
      <p>Укажите адрес почты, и мы пришлём новую ссылку.</p>
      <PostForm action="/account/verify-email/resend" csrfToken={csrfToken}>
        <Input name="email" label="Электронная почта" type="email" autocomplete="email" errors={{ email: error }} maxLength={254} />
        <button type="submit" class="button button-primary">
          Отправить новую ссылку
        </button>
      </PostForm>
    </section>
  );
}

const passwordLabels = { password: 'Новый пароль', password_confirm: 'Повтор пароля', current_password: 'Текущий пароль' };

export const passwordHint = 'От 12 до 128 символов, любые буквы, цифры и знаки. Удобно взять фразу из нескольких слов.';

export function ResetPasswordPage({ csrfToken, token, errors = {} }: { csrfToken: string; token?: string; errors?: NewPasswordErrors }) {
  return (
    <section class="panel panel-narrow">
      <h1>Новый пароль</h1>
      <PostForm action="/account/password/reset" csrfToken={csrfToken}>
        <ErrorSummary errors={errors} labels={passwordLabels} />
        <TokenField value={token} />
        <Input name="password" label="Новый пароль" type="password" autocomplete="new-password" hint={passwordHint} errors={errors} />
        <Input name="password_confirm" label="Повторите пароль" type="password" autocomplete="new-password" errors={errors} />
        <button type="submit" class="button button-primary">
          Сохранить пароль
        </button>
      </PostForm>
    </section>
  );
}

export function ForgotPasswordPage({ csrfToken }: { csrfToken: string }) {
  return (
    <section class="panel panel-narrow">
      <h1>Восстановление пароля</h1>
      <p>Укажите логин или адрес почты из личного кабинета. Мы пришлём ссылку, по которой можно задать новый пароль; она действует 1 час.</p>
      <PostForm action="/account/password/forgot" csrfToken={csrfToken}>
        <Input name="login" label="Логин или электронная почта" autocomplete="username" maxLength={254} />
        <button type="submit" class="button button-primary">
          Прислать ссылку
        </button>
      </PostForm>
    </section>
  );
}
