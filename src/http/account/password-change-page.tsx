import type { ChangePasswordErrors } from '../../actions/accounts/change-password.js';
import { ErrorSummary, Input, PostForm } from '../views/form-kit.js';
import { AccountNav } from './account-nav.js';
import { passwordHint } from './link-pages.js';

const labels = { current_password: 'Текущий пароль', password: 'Новый пароль', password_confirm: 'Повтор пароля' };

/** Also the forced step after signing in with the temporary password: then nothing else is reachable. */
export function PasswordChangePage({ forced, csrfToken, errors = {}, notice }: { forced: boolean; csrfToken: string; errors?: ChangePasswordErrors; notice?: string }) {
  return (
    <section class={forced ? 'panel panel-narrow' : undefined}>
      <h1>{forced ? 'Придумайте свой пароль' : 'Смена пароля'}</h1>
      {!forced && <AccountNav current="/account/password/change" csrfToken={csrfToken} />}
      {forced && <p>Временный пароль из письма больше не действует. Задайте пароль, которым будете входить в личный кабинет.</p>}
      {notice && (
        <p class="status status-ok" role="status">
          {notice}
        </p>
      )}
      <PostForm action="/account/password/change" csrfToken={csrfToken} class={forced ? undefined : 'panel'}>
        <ErrorSummary errors={errors} labels={labels} />
        {!forced && <Input name="current_password" label="Текущий пароль" type="password" autocomplete="current-password" errors={errors} />}
        <Input name="password" label="Новый пароль" type="password" autocomplete="new-password" hint={passwordHint} errors={errors} />
        <Input name="password_confirm" label="Повторите новый пароль" type="password" autocomplete="new-password" errors={errors} />
        <button type="submit" class="button button-primary">
          Сохранить пароль
        </button>
        {!forced && <p class="hint">После смены пароля все другие сеансы завершатся.</p>}
      </PostForm>
    </section>
  );
}
