import type { LegalVersionRow } from '../../../db/queries/content.js';
import { blockPlaceholders, inlinePlaceholders } from '../../../domain/content/legal-text.js';
import { editionLabel, legalTitles, type LegalDocument } from '../../../domain/content/legal-versions.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { Notice, TextArea } from './fields.js';

export interface LegalPageProps {
  document: LegalDocument;
  history: LegalVersionRow[];
  /** The date of the version in effect now. */
  currentDate: string | null;
  values: { effective_date: string; body: string };
  errors?: { effective_date?: string; body?: string };
  csrfToken: string;
  notice?: string;
  now: Date;
}

export function LegalPage({ document, history, currentDate, values, errors = {}, csrfToken, notice, now }: LegalPageProps) {
  const placeholders = document === 'privacy' ? { ...inlinePlaceholders, ...blockPlaceholders } : { ...inlinePlaceholders, '{реквизиты}': blockPlaceholders['{реквизиты}'] };
  return (
    <section class="content-editor">
      <p class="breadcrumbs">
        <a href="/admin/content">Тексты и реквизиты</a>
      </p>
      <h1>{legalTitles[document]}</h1>
      <Notice text={notice} />
      <p>
        Каждая правка — новая редакция с датой, с которой она действует. Заказ хранит редакции, которые принял клиент, и страница прежней редакции
        остаётся открытой. Действующую редакцию изменить нельзя; ещё не вступившую можно заменить, опубликовав текст на ту же дату.
      </p>
      <h2>Редакции</h2>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th>Редакция</th>
              <th>Действует с</th>
              <th>Кто опубликовал</th>
              <th class="num">Принята в заказах</th>
            </tr>
          </thead>
          <tbody>
            {history.map((row) => {
              const state = row.effectiveDate === currentDate ? 'действующая' : row.effectiveFrom > now ? 'ещё не действует' : 'прежняя';
              return (
                <tr>
                  <td>
                    {row.effectiveFrom > now ? editionLabel(row.effectiveDate) : <a href={`/legal/${document}/${row.effectiveDate}`}>{editionLabel(row.effectiveDate)}</a>}{' '}
                    <span class={state === 'действующая' ? 'badge badge-ok' : state === 'ещё не действует' ? 'badge badge-warn' : 'badge'}>{state}</span>
                  </td>
                  <td>{`${moscowShort(row.effectiveFrom)} мск`}</td>
                  <td>{row.publishedBy ?? <span title="Текст поставлен с приложением">типовой образец — проверить с юристом</span>}</td>
                  <td class="num">{row.orders}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PostForm action={`/admin/content/legal/${document}`} csrfToken={csrfToken} class="panel">
        <h2>Новая редакция</h2>
        <ErrorSummary errors={errors} labels={{ effective_date: 'Действует с', body: 'Текст' }} />
        <Input
          name="effective_date"
          label="Действует с"
          autocomplete="off"
          value={values.effective_date}
          errors={errors}
          hint="Дата по Москве, например 01.01.2027. Сегодняшняя — редакция действует сразу после публикации; более поздняя — с 00:00 этого дня."
          maxLength={10}
        />
        <TextArea
          name="body"
          label="Текст"
          rows={24}
          value={values.body}
          errors={errors}
          hint="Абзацы разделяйте пустой строкой, заголовок начинайте с «## », пункт списка — с «- ». HTML не нужен."
        />
        <details class="content-placeholders">
          <summary>Подстановки из реквизитов</summary>
          <ul>
            {Object.entries(placeholders).map(([token, meaning]) => (
              <li>
                <code>{token}</code> — {meaning}
              </li>
            ))}
          </ul>
        </details>
        <button type="submit" class="button">
          Опубликовать редакцию
        </button>
      </PostForm>
    </section>
  );
}
