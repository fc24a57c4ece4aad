import type { OrderFormErrors, OrderFormValues } from '../../domain/orders/order-form.js';
import type { PayerFormField } from '../../domain/transfers/payer-form.js';
import { describedBy, FieldFrame } from '../views/form-kit.js';

// «Оплатить как организация или ИП» (docs/payments.md#bank-transfers). Without JavaScript: two radio
// buttons, and the company's fields shown by CSS once «организация или ИП» is chosen (styles.css,
// `.payer-choice:has(…)`); a browser without `:has` simply shows them all the time.

export const payerErrorLabels: Record<PayerFormField, string> = {
  payer: 'Кто платит',
  company_name: 'Название',
  inn: 'ИНН',
  kpp: 'КПП',
  legal_address: 'Юридический адрес',
};

export function PayerFieldset({ values, errors }: { values: OrderFormValues; errors: OrderFormErrors }) {
  const company = values.payer === 'company';
  return (
    <fieldset class="payer-choice">
      <legend>Кто платит</legend>
      {errors.payer && (
        <p class="error" id="error-payer">
          {errors.payer}
        </p>
      )}
      <div class="field field-checkbox">
        <input id="field-payer" name="payer" type="radio" value="person" checked={!company} {...describedBy('payer', { error: errors.payer })} />
        <label for="field-payer">Частное лицо — оплата картой онлайн</label>
      </div>
      <div class="field field-checkbox">
        <input id="payer-company" name="payer" type="radio" value="company" checked={company} />
        <label for="payer-company">Организация или ИП — по счёту, банковским переводом</label>
      </div>
      <div class="company-fields">
        <p class="hint">Пришлём счёт на оплату с нашими реквизитами. Доступ в личный кабинет откроется, когда деньги поступят на счёт.</p>
        <CompanyInput field="company_name" label="Название организации или ИП" autocomplete="organization" maxLength={200} values={values} errors={errors} />
        <CompanyInput field="inn" label="ИНН" inputMode="numeric" maxLength={14} values={values} errors={errors} hint="10 цифр у организации, 12 у ИП." />
        <CompanyInput field="kpp" label="КПП (у ИП нет)" maxLength={11} values={values} errors={errors} />
        <CompanyInput field="legal_address" label="Юридический адрес" maxLength={300} values={values} errors={errors} />
      </div>
    </fieldset>
  );
}

function CompanyInput(props: {
  field: Exclude<PayerFormField, 'payer'>;
  label: string;
  autocomplete?: string;
  inputMode?: 'numeric';
  maxLength: number;
  hint?: string;
  values: OrderFormValues;
  errors: OrderFormErrors;
}) {
  const { field, label, autocomplete, inputMode, maxLength, hint, values, errors } = props;
  const error = errors[field];
  return (
    <FieldFrame name={field} label={label} hint={hint} error={error}>
      <input id={`field-${field}`} name={field} type="text" autocomplete={autocomplete ?? 'off'} inputMode={inputMode} maxLength={maxLength}
        value={values[field] ?? ''} {...(error ? { 'aria-invalid': 'true' as const } : {})} {...describedBy(field, { hint, error })} />
    </FieldFrame>
  );
}
