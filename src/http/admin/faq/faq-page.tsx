import type { FaqFormErrors, FaqFormValues } from '../../../domain/catalog/faq-form.js';
import type { FaqEntry } from '../../../db/queries/storefront.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';

export interface FaqPageProps {
  entries: FaqEntry[];
  csrfToken: string;
  notice?: string;
  /** The form sent with errors: a new question (`id` absent) or an existing one. */
  refused?: { id?: string; values: FaqFormValues; errors: FaqFormErrors };
}

const labels = { question: 'Вопрос', answer: 'Ответ', sort_order: 'Порядок' };

/** The storefront's questions and answers: each one's own form, and a form for a new one. */
export function FaqPage({ entries, csrfToken, notice, refused }: FaqPageProps) {
  const newOne = refused && !refused.id ? refused : undefined;
  const nextOrder = Math.max(0, ...entries.map((e) => e.sortOrder)) + 10;
  return (
    <section class="faq-editor">
      <h1>Вопросы и ответы</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p class="hint">Показываются внизу каталога и каждой страницы услуги, по порядку. Правка видна на сайте сразу.</p>
      {entries.map((entry) => {
        const mine = refused?.id === entry.id ? refused : undefined;
        const values = mine?.values ?? { question: entry.question, answer: entry.answer, sort_order: String(entry.sortOrder) };
        return (
          <div class="panel" id={`faq-${entry.id}`}>
            <h2 class="faq-editor-title">{entry.question}</h2>
            <FaqFields prefix={entry.id} action={`/admin/faq/${entry.id}`} csrfToken={csrfToken} values={values} errors={mine?.errors} button="Сохранить" />
            <form method="post" action={`/admin/faq/${entry.id}/delete`} class="catalog-image-remove">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit" class="button button-small button-danger" aria-label={`Удалить вопрос: ${entry.question}`}>
                Удалить
              </button>
            </form>
          </div>
        );
      })}
      <div class="panel" id="faq-new">
        <h2>Новый вопрос</h2>
        <FaqFields prefix="new" action="/admin/faq" csrfToken={csrfToken} values={newOne?.values ?? { sort_order: String(nextOrder) }} errors={newOne?.errors} button="Добавить вопрос" />
      </div>
    </section>
  );
}

/** One question's fields; `prefix` keeps the ids unique when several forms share the page. */
function FaqFields({ prefix, action, csrfToken, values, errors = {}, button }: { prefix: string; action: string; csrfToken: string; values: FaqFormValues; errors?: FaqFormErrors; button: string }) {
  const id = (field: string) => `${prefix}-${field}`;
  const idErrors = Object.fromEntries(Object.entries(errors).map(([field, message]) => [id(field), message]));
  const idLabels = Object.fromEntries(Object.entries(labels).map(([field, label]) => [id(field), label]));
  const answerError = errors.answer;
  return (
    <PostForm action={action} csrfToken={csrfToken}>
      <ErrorSummary errors={idErrors} labels={idLabels} />
      <Input name={id('question')} label={labels.question} autocomplete="off" value={values.question} errors={idErrors} maxLength={300} />
      <div class={`field${answerError ? ' field-error' : ''}`}>
        <label for={`field-${id('answer')}`}>{labels.answer}</label>
        <p class="hint" id={`hint-${id('answer')}`}>
          Абзацы разделяйте пустой строкой; строки, начинающиеся с «- », станут списком.
        </p>
        {answerError && (
          <p class="error" id={`error-${id('answer')}`}>
            {answerError}
          </p>
        )}
        <textarea
          id={`field-${id('answer')}`}
          name={id('answer')}
          rows={5}
          aria-invalid={answerError ? 'true' : undefined}
          aria-describedby={answerError ? `error-${id('answer')} hint-${id('answer')}` : `hint-${id('answer')}`}
        >
          {values.answer ?? ''}
        </textarea>
      </div>
      <Input name={id('sort_order')} label={labels.sort_order} autocomplete="off" value={values.sort_order} errors={idErrors} hint="Целое число: чем меньше, тем выше вопрос." />
      <button type="submit" class="button">
        {button}
      </button>
    </PostForm>
  );
}
