import { roleNames, staffRoles } from '../../../domain/staff/staff-access.js';
import type { StaffMember } from '../../../db/queries/staff.js';
import { ErrorSummary, Input, PostForm, type FormErrors } from '../../views/form-kit.js';
import { moscowDateTime } from '../../../email/templates/format.js';

const stateNames: Record<StaffMember['state'], string> = {
  invited: 'приглашён',
  enrolling: 'подключает приложение',
  active: 'активен',
  disabled: 'отключён',
};

export interface StaffPageProps {
  csrfToken: string;
  members: StaffMember[];
  me: StaffMember;
  notice?: string;
  values: Record<string, string>;
  errors: FormErrors;
}

export function StaffPage({ csrfToken, members, me, notice, values, errors }: StaffPageProps) {
  return (
    <>
      <h1>Сотрудники</h1>
      {notice && <p class="notice">{notice}</p>}
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th>Имя</th>
              <th>Адрес</th>
              <th>Роль</th>
              <th>Состояние</th>
              <th>Действия</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{roleNames[member.role]}</td>
                <td>
                  <span class={`badge ${member.state === 'active' ? 'badge-ok' : member.state === 'disabled' ? 'badge-danger' : 'badge-warn'}`}>{stateNames[member.state]}</span>
                  {member.enrolledAt && <small> с {moscowDateTime(member.enrolledAt)}</small>}
                </td>
                <td>{member.id === me.id ? <small>это вы</small> : <MemberActions member={member} csrfToken={csrfToken} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section class="panel staff-invite">
        <h2>Пригласить сотрудника</h2>
        <p class="hint">Сотрудник получит письмо со ссылкой: задаст пароль и подключит приложение-аутентификатор.</p>
        <ErrorSummary errors={errors} labels={{ name: 'Имя', email: 'Адрес почты', role: 'Роль' }} />
        <PostForm action="/admin/staff/invite" csrfToken={csrfToken}>
          <Input name="name" label="Имя" autocomplete="off" value={values.name} errors={errors} maxLength={100} />
          <Input name="email" label="Адрес электронной почты" type="email" autocomplete="off" value={values.email} errors={errors} maxLength={254} />
          <div class="field">
            <label for="field-role">Роль</label>
            <select id="field-role" name="role">
              {staffRoles.map((role) => (
                <option value={role} selected={(values.role ?? 'manager') === role}>
                  {roleNames[role]}
                </option>
              ))}
            </select>
          </div>
          <button class="button" type="submit">
            Отправить приглашение
          </button>
        </PostForm>
      </section>
    </>
  );
}

function MemberActions({ member, csrfToken }: { member: StaffMember; csrfToken: string }) {
  return (
    <div class="staff-actions">
      <PostForm action={`/admin/staff/${member.id}/role`} csrfToken={csrfToken} class="inline-form">
        <label class="visually-hidden" for={`role-${member.id}`}>
          Роль
        </label>
        <select id={`role-${member.id}`} name="role">
          {staffRoles.map((role) => (
            <option value={role} selected={member.role === role}>
              {roleNames[role]}
            </option>
          ))}
        </select>{' '}
        <button class="button button-small" type="submit">
          Сменить роль
        </button>
      </PostForm>
      <PostForm action={`/admin/staff/${member.id}/reset-access`} csrfToken={csrfToken} class="inline-form">
        <button class="button button-small" type="submit" title="Сбросить пароль и приложение и отправить новое приглашение">
          Новое приглашение
        </button>
      </PostForm>
      {member.state !== 'disabled' && (
        <PostForm action={`/admin/staff/${member.id}/disable`} csrfToken={csrfToken} class="inline-form">
          <button class="button button-small button-danger" type="submit">
            Отключить
          </button>
        </PostForm>
      )}
    </div>
  );
}
