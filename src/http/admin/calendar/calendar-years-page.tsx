import type { CalendarYearRow } from '../../../db/queries/admin-calendar.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';

export interface CalendarYearsPageProps {
  years: CalendarYearRow[];
  csrfToken: string;
  values?: { year?: string; status?: string };
  errors?: { year?: string; status?: string };
  notice?: string;
}

export const statusWords = { final: 'Окончательный', provisional: 'Предварительный' } as const;

export function StatusBadge({ status }: { status: 'final' | 'provisional' }) {
  return <span class={`badge ${status === 'final' ? 'badge-ok' : 'badge-warn'}`}>{statusWords[status]}</span>;
}

export function CalendarYearsPage({ years, csrfToken, values = {}, errors = {}, notice }: CalendarYearsPageProps) {
  const nextYear = Math.max(0, ...years.map((y) => y.year)) + 1;
  return (
    <section>
      <h1>Производственный календарь</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        По календарю считается срок звонка клиенту: рабочие часы пн–пт 9:00–18:00 по Москве, кроме праздников и перенесённых выходных, плюс рабочие субботы; в
        сокращённый день — до 17:00. Правка действует сразу.
      </p>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th>Год</th>
              <th>Статус</th>
              <th class="num">Отмеченных дней</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr>
                <td>
                  <a href={`/admin/calendar/${y.year}`}>{`Календарь на ${y.year} год`}</a>
                </td>
                <td>
                  <StatusBadge status={y.status} />
                </td>
                <td class="num">{y.markedDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PostForm action="/admin/calendar/years" csrfToken={csrfToken} class="panel calendar-add-year">
        <h2>Добавить год</h2>
        <p class="hint">
          Новый год создаётся с праздниками из статьи 112 Трудового кодекса (1–8 января, 23 февраля, 8 марта, 1 и 9 мая, 12 июня, 4 ноября). Переносы выходных
          по постановлению Правительства добавьте на странице года.
        </p>
        <ErrorSummary errors={errors} labels={{ year: 'Год', status: 'Статус' }} />
        <Input name="year" label="Год" autocomplete="off" value={values.year ?? String(nextYear)} errors={errors} maxLength={4} />
        <StatusSelect value={values.status ?? 'provisional'} error={errors.status} />
        <button type="submit" class="button">
          Добавить год
        </button>
      </PostForm>
    </section>
  );
}

export function StatusSelect({ value, error, id = 'field-status' }: { value: string; error?: string; id?: string }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>Статус</label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select id={id} name="status" aria-describedby={error ? `${id}-error` : undefined}>
        <option value="provisional" selected={value === 'provisional'}>
          Предварительный — постановления ещё нет
        </option>
        <option value="final" selected={value === 'final'}>
          Окончательный — по постановлению Правительства
        </option>
      </select>
    </div>
  );
}
