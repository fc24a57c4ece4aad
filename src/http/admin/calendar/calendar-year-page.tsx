import { DateTime } from 'luxon';
import { ZONE, type CalendarDay } from '../../../domain/calendar/business-calendar.js';
import { dayTypes, markedDays, type DayType } from '../../../domain/calendar/calendar-edit.js';
import { ErrorSummary, PostForm } from '../../views/form-kit.js';
import { StatusBadge, StatusSelect } from './calendar-years-page.js';
import { CalendarLegend, YearGrid } from './month-grid.js';

export interface CalendarYearPageProps {
  year: number;
  status: 'final' | 'provisional';
  days: CalendarDay[];
  csrfToken: string;
  notice?: string;
  /** The add form's typed values and errors. */
  values?: { date?: string; type?: string };
  errors?: { date?: string; type?: string };
  /** A change refused in the list: which date and why. */
  rowError?: { date: string; message: string };
}

const weekdayNames = ['', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const dayTypeList = Object.entries(dayTypes) as [DayType, (typeof dayTypes)[DayType]][];

export function CalendarYearPage({ year, status, days, csrfToken, notice, values = {}, errors = {}, rowError }: CalendarYearPageProps) {
  const marked = markedDays(days);
  const types = new Map(marked.map((d) => [d.date, d.type]));
  return (
    <section class="calendar-year">
      <p class="breadcrumbs">
        <a href="/admin/calendar">Производственный календарь</a>
      </p>
      <h1>
        {`Календарь на ${year} год `}
        <StatusBadge status={status} />
      </h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <div class="calendar-forms">
        <PostForm action={`/admin/calendar/${year}/days`} csrfToken={csrfToken} class="panel">
          <h2>Отметить день</h2>
          <ErrorSummary errors={errors} labels={{ date: 'Дата', type: 'Что за день' }} />
          <div class={`field${errors.date ? ' field-error' : ''}`}>
            <label for="field-date">Дата</label>
            {errors.date && (
              <p class="error" id="error-date">
                {errors.date}
              </p>
            )}
            <input type="date" id="field-date" name="date" min={`${year}-01-01`} max={`${year}-12-31`} value={values.date} aria-describedby={errors.date ? 'error-date' : undefined} />
          </div>
          <DayTypeSelect id="field-type" value={values.type} error={errors.type} />
          <button type="submit" class="button">
            Отметить
          </button>
        </PostForm>
        <PostForm action={`/admin/calendar/${year}/status`} csrfToken={csrfToken} class="panel">
          <h2>Статус года</h2>
          <p class="hint">
            Окончательный — когда перенесены выходные по постановлению Правительства. Пока год предварительный, с 1 декабря предыдущего года все сотрудники видят
            предупреждение.
          </p>
          <StatusSelect value={status} />
          <button type="submit" class="button">
            Сохранить статус
          </button>
        </PostForm>
      </div>
      <h2>Месяцы</h2>
      <CalendarLegend />
      <YearGrid year={year} types={types} />
      <h2 id="marked">Отмеченные дни</h2>
      {marked.length === 0 ? (
        <p>В этом году нет отмеченных дней: все будни рабочие, все выходные — выходные.</p>
      ) : (
        <ul class="calendar-marked">
          {marked.map((day) => (
            <MarkedDay year={year} day={day} csrfToken={csrfToken} error={rowError?.date === day.date ? rowError.message : undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MarkedDay({ year, day, csrfToken, error }: { year: number; day: ReturnType<typeof markedDays>[number]; csrfToken: string; error?: string }) {
  const date = DateTime.fromISO(day.date, { zone: ZONE });
  const shown = `${date.toFormat('dd.MM.yyyy')}, ${weekdayNames[date.weekday]}`;
  const id = `day-${day.date}`;
  return (
    <li id={id} class={error ? 'calendar-row-error' : undefined}>
      <span class="calendar-date">{shown}</span>
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`/admin/calendar/${year}/days/${day.date}`} class="calendar-change">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label class="visually-hidden" for={`${id}-type`}>{`Что за день ${shown}`}</label>
        <select id={`${id}-type`} name="type" aria-describedby={error ? `${id}-error` : undefined}>
          {day.type === null && <option value="">{`Необычная отметка: ${day.kinds.join(', ')}`}</option>}
          {dayTypeList.map(([type, { label }]) => (
            <option value={type} selected={day.type === type}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-small">
          Изменить
        </button>
      </form>
      <form method="post" action={`/admin/calendar/${year}/days/${day.date}/delete`} class="inline-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="button button-small button-danger" aria-label={`Удалить отметку ${shown}`}>
          Удалить
        </button>
      </form>
    </li>
  );
}

function DayTypeSelect({ id, value, error }: { id: string; value?: string; error?: string }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>Что за день</label>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select id={id} name="type" aria-describedby={error ? `${id}-error` : undefined}>
        <option value="" selected={!value}>
          Выберите…
        </option>
        {dayTypeList.map(([type, { label }]) => (
          <option value={type} selected={value === type}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
