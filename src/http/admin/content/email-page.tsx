import { clientEmailTypes, wordingPlaceholders, type ClientEmailType, type WordingErrors } from '../../../domain/content/email-wording.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';
import { Notice, TextArea } from './fields.js';

export interface EmailWordingPageProps {
  type: ClientEmailType;
  values: { greeting: string; sign_off: string; paragraph: string };
  errors?: WordingErrors;
  /** The address of the preview frame (the wording on the form, saved or not). */
  previewUrl: string | null;
  /** The plain text version of the preview. */
  previewText: string | null;
  csrfToken: string;
  notice?: string;
}

const labels = { greeting: 'Приветствие', sign_off: 'Подпись', paragraph: 'Дополнительный абзац' };

export function EmailWordingPage({ type, values, errors = {}, previewUrl, previewText, csrfToken, notice }: EmailWordingPageProps) {
  return (
    <section class="content-editor">
      <p class="breadcrumbs">
        <a href="/admin/content">Тексты и реквизиты</a> · <a href="/admin/content#emails">Письма клиентам</a>
      </p>
      <h1>{`Письмо «${clientEmailTypes[type]}»`}</h1>
      <Notice text={notice} />
      <p>
        Приветствие, подпись и свой абзац (он встаёт после основного текста, перед подписью) можно изменить; суммы, ссылки и сроки письмо берёт из
        заказа. Подстановки: {Object.entries(wordingPlaceholders).map(([token, meaning], i) => (
          <>
            {i > 0 && ', '}
            <code>{token}</code> — {meaning}
          </>
        ))}
        .
      </p>
      <PostForm action={`/admin/content/emails/${type}`} csrfToken={csrfToken} class="panel">
        <ErrorSummary errors={errors} labels={labels} />
        <Input name="greeting" label={labels.greeting} autocomplete="off" value={values.greeting} errors={errors} maxLength={200} hint="Одна строка, например «Здравствуйте, {имя}!»." />
        <TextArea name="paragraph" label={labels.paragraph} rows={4} value={values.paragraph} errors={errors} hint="Необязательно. Например, о часах работы в праздники." />
        <TextArea name="sign_off" label={labels.sign_off} rows={3} value={values.sign_off} errors={errors} hint="До 4 строк; можно оставить пустой." />
        <div class="actions">
          <button type="submit" class="button" name="intent" value="save">
            Сохранить
          </button>
          <button type="submit" class="button" name="intent" value="preview">
            Предпросмотр
          </button>
        </div>
      </PostForm>
      {previewUrl && (
        <section class="content-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Предпросмотр (пример с выдуманными данными)</h2>
          {/* sandbox without allow-scripts or allow-same-origin: the email can neither run code nor reach this page. */}
          <iframe class="records-mail-preview" sandbox="" src={previewUrl} title="HTML-версия письма" />
          {previewText && (
            <details>
              <summary>Текстовая версия</summary>
              <pre class="records-mail-text">{previewText}</pre>
            </details>
          )}
        </section>
      )}
    </section>
  );
}
