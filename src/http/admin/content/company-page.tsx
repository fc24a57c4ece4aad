import { companyFieldLabels, type CompanyFormErrors, type CompanyFormValues } from '../../../domain/content/company-details.js';
import { ErrorSummary, Input, PostForm } from '../../views/form-kit.js';
import { Notice } from './fields.js';

export interface CompanyPageProps {
  values: CompanyFormValues;
  errors?: CompanyFormErrors;
  csrfToken: string;
  notice?: string;
  /** Nothing saved yet: the values are the COMPANY_* settings. */
  fromSettings: boolean;
}

export function CompanyPage({ values, errors = {}, csrfToken, notice, fromSettings }: CompanyPageProps) {
  const field = (name: keyof CompanyFormValues, hint?: string, autocomplete = 'off') => (
    <Input name={name} label={companyFieldLabels[name]} autocomplete={autocomplete} value={values[name]} errors={errors} hint={hint} maxLength={300} />
  );
  return (
    <section class="content-editor">
      <p class="breadcrumbs">
        <a href="/admin/content">Тексты и реквизиты</a>
      </p>
      <h1>Реквизиты компании</h1>
      <Notice text={notice} />
      <p>
        Реквизиты видны в подвале каждой страницы, в оферте и политике, в письмах клиентам и в заявлении на отмену операции (PDF); ИНН и почта уходят в
        кассовые чеки. Сохранённые реквизиты действуют сразу.
      </p>
      {fromSettings && (
        <p class="notice notice-warn" role="note">
          Реквизиты ещё не сохранялись: в форме значения из настроек COMPANY_*. Проверьте их, добавьте КПП и банковские реквизиты и сохраните.
        </p>
      )}
      <PostForm action="/admin/content/company" csrfToken={csrfToken} class="panel">
        <ErrorSummary errors={errors} labels={companyFieldLabels} />
        <fieldset>
          <legend>Компания</legend>
          {field('name', 'Полное название, как в ЕГРЮЛ или ЕГРИП: «ООО «Услуги онлайн»», «ИП Иванов Иван Иванович».', 'organization')}
          {field('inn', '10 цифр у организации, 12 — у индивидуального предпринимателя.')}
          {field('kpp', 'Только у организации; у ИП оставьте пустым.')}
          {field('ogrn', '13 цифр (ОГРН) или 15 (ОГРНИП).')}
          {field('address', 'Юридический адрес с индексом.')}
        </fieldset>
        <fieldset>
          <legend>Контакты для клиентов</legend>
          {field('phone', 'Показывается в подвале сайта и в письмах.', 'tel')}
          {field('email', 'Для вопросов клиентов; уходит в кассовые чеки как адрес продавца.', 'email')}
        </fieldset>
        <fieldset>
          <legend>Банковские реквизиты</legend>
          {field('bank_name')}
          {field('bik', '9 цифр.')}
          {field('correspondent_account', '20 цифр, начинается с 30101.')}
          {field('settlement_account', '20 цифр; проверяется вместе с БИК.')}
        </fieldset>
        <button type="submit" class="button">
          Сохранить реквизиты
        </button>
      </PostForm>
    </section>
  );
}
