import type { ServiceFormErrors, ServiceFormValues } from '../../../domain/catalog/service-form.js';
import type { Service } from '../../../db/queries/catalog.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';
import { SNAPSHOT_NOTE } from './catalog-list-page.js';

export interface ServiceFormPageProps {
  /** The service being edited; absent for a new one. */
  service?: Service;
  values: ServiceFormValues;
  errors?: ServiceFormErrors;
  csrfToken: string;
}

const labels = {
  title: 'Название',
  slug: 'Адрес страницы',
  summary: 'Кратко для каталога',
  description: 'Описание',
  price: 'Цена',
  billing: 'Оплата',
  included_hours: 'Часов включено',
  hourly_rate: 'Цена дополнительного часа',
  sort_order: 'Порядок в каталоге',
};

export function ServiceFormPage({ service, values, errors = {}, csrfToken }: ServiceFormPageProps) {
  const action = service ? `/admin/catalog/${service.id}` : '/admin/catalog/new';
  return (
    <section class="catalog-form">
      <p class="breadcrumbs">
        <a href="/admin/catalog">Каталог услуг</a>
      </p>
      <h1>{service ? `Услуга: ${service.title}` : 'Новая услуга'}</h1>
      {service && !service.active && <p class="status">Услуга снята с продажи: её нет на сайте, пока вы не вернёте её в продажу в каталоге.</p>}
      {service && <p class="hint">{SNAPSHOT_NOTE}</p>}
      <PostForm action={action} csrfToken={csrfToken} class="panel">
        <ErrorSummary errors={errors} labels={labels} />
        <Input name="title" label={labels.title} autocomplete="off" value={values.title} errors={errors} maxLength={120} />
        <Input
          name="slug"
          label={labels.slug}
          autocomplete="off"
          value={values.slug}
          errors={errors}
          maxLength={60}
          hint="Латиницей: строчные буквы, цифры и дефис, например «seo-audit». Страница услуги будет /services/seo-audit. Смена адреса ломает старые ссылки на услугу."
        />
        <TextArea name="summary" label={labels.summary} rows={2} value={values.summary} errors={errors} hint="Одна-две фразы в карточке каталога, до 300 символов." />
        <TextArea
          name="description"
          label={labels.description}
          rows={10}
          value={values.description}
          errors={errors}
          hint="Абзацы разделяйте пустой строкой. Строки, начинающиеся с «- », станут списком. HTML не поддерживается: текст показывается как есть."
        />
        <Input name="price" label={labels.price} autocomplete="off" value={values.price} errors={errors} hint="В рублях, например «12 500» или «12 500,50»." />
        <Billing value={values.billing} errors={errors} />
        <div class="catalog-hourly">
          <Input name="included_hours" label={labels.included_hours} autocomplete="off" value={values.included_hours} errors={errors} hint="Только для почасовой оплаты: целое число часов, входящих в цену." />
          <Input name="hourly_rate" label={labels.hourly_rate} autocomplete="off" value={values.hourly_rate} errors={errors} hint="Только для почасовой оплаты, в рублях: по ней выставляется доплата за часы сверх включённых." />
        </div>
        <Input name="sort_order" label={labels.sort_order} autocomplete="off" value={values.sort_order} errors={errors} hint="Целое число: чем меньше, тем выше услуга в каталоге." />
        <button type="submit" class="button">
          {service ? 'Сохранить' : 'Добавить услугу'}
        </button>{' '}
        <a href="/admin/catalog">Отмена</a>
      </PostForm>
    </section>
  );
}

function TextArea({ name, label, rows, value, errors, hint }: { name: string; label: string; rows: number; value?: string; errors: ServiceFormErrors; hint: string }) {
  const error = errors[name as keyof ServiceFormErrors];
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={`field-${name}`}>{label}</label>
      <p class="hint" id={`hint-${name}`}>
        {hint}
      </p>
      {error && (
        <p class="error" id={`error-${name}`}>
          {error}
        </p>
      )}
      <textarea id={`field-${name}`} name={name} rows={rows} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `error-${name} hint-${name}` : `hint-${name}`}>
        {value ?? ''}
      </textarea>
    </div>
  );
}

function Billing({ value, errors }: { value?: string; errors: ServiceFormErrors }) {
  const error = errors.billing;
  const options = [
    { id: 'field-billing', value: 'fixed', label: 'Фиксированная цена' },
    { id: 'field-billing-hourly', value: 'hourly', label: 'Почасовая: в цену входят часы, дополнительные оплачиваются отдельно' },
  ];
  return (
    <fieldset class={`field catalog-billing${error ? ' field-error' : ''}`} aria-describedby={error ? 'error-billing' : undefined}>
      <legend>{labels.billing}</legend>
      {error && (
        <p class="error" id="error-billing">
          {error}
        </p>
      )}
      {options.map((option) => (
        <div class="field-checkbox">
          <input type="radio" id={option.id} name="billing" value={option.value} checked={value === option.value} />
          <label for={option.id}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
