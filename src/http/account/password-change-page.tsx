import type { ChangePasswordErrors } from '../../actions/accounts/change-password.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { ErrorSummary, Input, PostForm } from '../views/form-kit.js';
import { AccountNav } from './account-nav.js';
import { passwordHint } from './link-pages.js';

const labels = { current_password: 'Текущий пароль', password: 'Новый пароль', password_confirm: 'Повтор пароля' };

export interface PasswordChangePageProps {
  csrfToken: string;
  /**
   * Set while the client still signs in with the temporary password (until when it works): the forced
   * step, from which nothing else is reachable but which the client may leave and come back to.
   */
  temporaryUntil: Date | null;
  errors?: ChangePasswordErrors;
  notice?: string;
}

export function PasswordChangePage({ temporaryUntil, csrfToken, errors = {}, notice }: PasswordChangePageProps) {
  const forced = temporaryUntil !== null;
  return (
    <section class={forced ? 'panel panel-narrow' : undefined}>
      <h1>{forced ? 'Придумайте свой пароль' : 'Смена пароля'}</h1>
      {!forced && <AccountNav current="/account/password/change" csrfToken={csrfToken} />}
      {forced && <p>Задайте пароль, которым будете входить в личный кабинет; временный вводить ещё раз не нужно.</p>}
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
      {forced && (
        <>
          <p class="hint">
            Не сейчас? Временный пароль из письма действует до {moscowDateTime(temporaryUntil)} (мск), пока вы не зададите свой: можно
            выйти и вернуться позже.
          </p>
          <PostForm action="/account/logout" csrfToken={csrfToken}>
            <button type="submit" class="button">
              Выйти и вернуться позже
            </button>
          </PostForm>
        </>
      )}
    </section>
  );
}
