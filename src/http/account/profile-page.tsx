import type { Client } from '../../db/queries/clients.js';
import { ErrorSummary, Input, PostForm, type FormErrors } from '../views/form-kit.js';
import { AccountNav } from './account-nav.js';

export interface ProfilePageProps {
  client: Client;
  csrfToken: string;
  values?: { name?: string; phone?: string; email?: string };
  profileErrors?: FormErrors;
  emailErrors?: FormErrors;
  notice?: string;
}

const profileLabels = { name: 'Имя', phone: 'Телефон' };
const emailLabels = { email: 'Новый адрес', current_password: 'Пароль' };

export function ProfilePage({ client, csrfToken, values = {}, profileErrors = {}, emailErrors = {}, notice }: ProfilePageProps) {
  return (
    <section>
      <h1>Профиль</h1>
      <AccountNav current="/account/profile" csrfToken={csrfToken} />
      {notice && (
        <p class="status status-ok" role="status">
          {notice}
        </p>
      )}
      <div class="panel">
        <dl class="summary">
          <dt>Логин</dt>
          <dd>{client.login}</dd>
          <dt>Электронная почта</dt>
          <dd>{client.email}</dd>
        </dl>
        <PostForm action="/account/profile" csrfToken={csrfToken}>
          <ErrorSummary errors={profileErrors} labels={profileLabels} />
          <Input name="name" label="Имя" autocomplete="name" value={values.name ?? client.name} errors={profileErrors} maxLength={100} />
          <Input name="phone" label="Телефон" type="tel" autocomplete="tel" value={values.phone ?? client.phone} errors={profileErrors} />
          <button type="submit" class="button">
            Сохранить
          </button>
        </PostForm>
      </div>
      <div class="panel">
        <h2>Сменить адрес почты</h2>
        <p>Мы пришлём ссылку на новый адрес; он заработает после подтверждения. На старый адрес придёт уведомление.</p>
        <PostForm action="/account/email" csrfToken={csrfToken}>
          <ErrorSummary errors={emailErrors} labels={emailLabels} />
          <Input name="email" label="Новый адрес" type="email" autocomplete="email" value={values.email} errors={emailErrors} maxLength={254} />
          <Input name="current_password" label="Пароль от личного кабинета" type="password" autocomplete="current-password" errors={emailErrors} />
          <button type="submit" class="button">
            Сменить адрес
          </button>
        </PostForm>
      </div>
    </section>
  );
}
