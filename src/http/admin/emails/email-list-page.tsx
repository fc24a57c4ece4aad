import { emailStatuses, type EmailFilter, type EmailSummary } from '../../../db/queries/admin-emails.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { Pager } from '../views/pager.js';
import { Address, EmailStatusBadge, emailKindName, emailStatusNames } from './email-labels.js';

export interface EmailListProps {
  filter: EmailFilter;
  emails: EmailSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export function EmailListPage({ filter, emails, total, page, pageSize }: EmailListProps) {
  const filtered = Boolean(filter.status || filter.address);
  return (
    <section>
      <h1>Письма</h1>
      <form method="get" action="/admin/emails" class="filters" role="search">
        <div class="field">
          <label for="field-status">Статус</label>
          <select id="field-status" name="status">
            <option value="">Все</option>
            {emailStatuses.map((status) => (
              <option value={status} selected={filter.status === status}>
                {emailStatusNames[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field records-search">
          <label for="field-address">Адрес получателя</label>
          <input type="search" id="field-address" name="address" value={filter.address ?? ''} maxLength={254} />
        </div>
        <button type="submit" class="button button-small">
          Показать
        </button>
        {filtered && <a href="/admin/emails">Сбросить</a>}
      </form>
      <p>{filtered ? `Найдено писем: ${total}` : `Всего писем: ${total}. Новые сверху.`}</p>
      {emails.length > 0 && (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Создано (мск)</th>
                <th>Кому</th>
                <th>Тема</th>
                <th>Статус</th>
                <th class="num">Неудачных попыток</th>
                <th>Ответ сервера</th>
                <th>Отправлено (мск)</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr>
                  <td class="records-nowrap" data-label="Создано (мск)">{moscowShort(email.createdAt)}</td>
                  <td class="records-address" data-label="Кому">
                    <Address email={email.to} />
                  </td>
                  <td data-label="Тема">
                    <a href={`/admin/emails/${email.id}`}>{email.subject}</a>
                    <div class="records-muted">{emailKindName(email.kind)}</div>
                  </td>
                  <td data-label="Статус">
                    <EmailStatusBadge status={email.status} />
                  </td>
                  <td class="num" data-label="Неудачных попыток">{email.attempts}</td>
                  <td class="records-smtp" data-label="Ответ сервера">{email.lastError ?? '—'}</td>
                  <td class="records-nowrap" data-label="Отправлено (мск)">{email.sentAt ? moscowShort(email.sentAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/admin/emails" query={{ status: filter.status, address: filter.address }} page={page} total={total} pageSize={pageSize} />
    </section>
  );
}
