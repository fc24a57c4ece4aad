import type { ComponentChildren } from 'preact';
import type { PlaceOrderErrors } from '../../actions/orders/place-order.js';
import { HONEYPOT_FIELD } from '../../actions/orders/place-order.js';
import { isTicked, type OrderFormValues } from '../../domain/orders/order-form.js';
import { utmFields, type Utm } from '../../domain/marketing/utm.js';
import { describedBy, ErrorSummary } from '../views/form-kit.js';
import { PaymentTrust } from './trust.js';
import { PayerFieldset, payerErrorLabels } from './payer-fieldset.js';

export interface OrderFormProps {
  slug: string;
  csrfToken: string;
  captcha: boolean;
  /** «Оплатить как организация или ИП» is offered (the seller's bank details are known). */
  transfers?: boolean;
  values?: OrderFormValues;
  errors?: PlaceOrderErrors;
  /**
   * A captcha solution that already passed while other fields were wrong: sent again as it is, so the
   * visitor does not solve it twice (it is used up only when the order is placed).
   */
  solvedCaptcha?: string;
  /** The link's UTM tags, carried to the order in hidden fields (docs/tilda.md). */
  utm?: Utm;
}

const errorLabels: Partial<Record<keyof PlaceOrderErrors, string>> = {
  name: 'Имя',
  email: 'Почта',
  phone: 'Телефон',
  comment: 'Комментарий',
  accept_offer: 'Оферта',
  consent_pd: 'Согласие',
  marketing: 'Рассылка',
  altcha: 'Проверка',
  ...payerErrorLabels,
};

export function OrderForm({ slug, csrfToken, captcha, transfers = false, values = {}, errors = {}, solvedCaptcha, utm = {} }: OrderFormProps) {
  return (
    <form class="order-form" method="post" action={`/services/${slug}/order`} novalidate>
      <h2 id="order">Оформить заказ</h2>
      <ErrorSummary errors={errors} labels={errorLabels} />
      <input type="hidden" name="_csrf" value={csrfToken} />
      {utmFields.map((field) => utm[field] && <input type="hidden" name={field} value={utm[field]} />)}
      <TextField field="name" label="Имя" autocomplete="name" maxLength={100} values={values} errors={errors} />
      <TextField field="email" label="Электронная почта" type="email" autocomplete="email" values={values} errors={errors}
        hint="Пришлём подтверждение заказа и доступ в личный кабинет." />
      <TextField field="phone" label="Телефон" type="tel" autocomplete="tel" values={values} errors={errors}
        hint="Например, +7 912 345-67-89. Менеджер позвонит, чтобы уточнить детали." />
      <Field field="comment" label="Комментарий (необязательно)" errors={errors}>
        <textarea id="field-comment" name="comment" rows={4} maxLength={2000} {...invalid('comment', errors)}>
          {values.comment ?? ''}
        </textarea>
      </Field>
      <Checkbox field="accept_offer" values={values} errors={errors}>
        Я принимаю условия <a href="/legal/offer" target="_blank">публичной оферты</a>
      </Checkbox>
      <Checkbox field="consent_pd" values={values} errors={errors}>
        Я даю <a href="/legal/consent" target="_blank">согласие на обработку персональных данных</a> на условиях{' '}
        <a href="/legal/privacy" target="_blank">политики</a>
      </Checkbox>
      <Checkbox field="marketing" values={values} errors={errors}>
        Хочу получать новости и специальные предложения (необязательно)
      </Checkbox>
      {transfers && <PayerFieldset values={values} errors={errors} />}
      <div class="hp" aria-hidden="true">
        <label for={`field-${HONEYPOT_FIELD}`}>Не заполняйте это поле</label>
        <input id={`field-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" />
      </div>
      {captcha && solvedCaptcha && (
        <p class="captcha-solved" id="field-altcha">
          <input type="hidden" name="altcha" value={solvedCaptcha} />
          Проверка «Я не робот» пройдена.
        </p>
      )}
      {captcha && !solvedCaptcha && (
        <Field field="altcha" label="Проверка" errors={errors} hideLabel>
          <altcha-widget id="field-altcha" name="altcha" challenge="/captcha/challenge?form=order" language="ru" />
        </Field>
      )}
      <button type="submit" class="button button-primary">
        Перейти к оплате
      </button>
      <PaymentTrust />
    </form>
  );
}

type FieldName = keyof PlaceOrderErrors;

function invalid(field: FieldName, errors: PlaceOrderErrors, hint?: string) {
  return { ...(errors[field] ? { 'aria-invalid': 'true' as const } : {}), ...describedBy(field, { hint, error: errors[field] }) };
}

function Field(props: { field: FieldName; label: string; errors: PlaceOrderErrors; hint?: string; hideLabel?: boolean; children: ComponentChildren }) {
  const { field, label, errors, hint, hideLabel, children } = props;
  return (
    <div class={`field${errors[field] ? ' field-error' : ''}`}>
      <label for={`field-${field}`} class={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint && (
        <p class="hint" id={`hint-${field}`}>
          {hint}
        </p>
      )}
      {errors[field] && (
        <p class="error" id={`error-${field}`}>
          {errors[field]}
        </p>
      )}
      {children}
    </div>
  );
}

function TextField(props: {
  field: 'name' | 'email' | 'phone';
  label: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete: string;
  maxLength?: number;
  hint?: string;
  values: OrderFormValues;
  errors: PlaceOrderErrors;
}) {
  const { field, label, type = 'text', autocomplete, maxLength, hint, values, errors } = props;
  return (
    <Field field={field} label={label} errors={errors} hint={hint}>
      <input id={`field-${field}`} name={field} type={type} list={undefined} autocomplete={autocomplete}
        maxLength={maxLength} value={values[field] ?? ''} required {...invalid(field, errors, hint)} />
    </Field>
  );
}

function Checkbox(props: { field: 'accept_offer' | 'consent_pd' | 'marketing'; values: OrderFormValues; errors: PlaceOrderErrors; children: ComponentChildren }) {
  const { field, values, errors, children } = props;
  return (
    <div class={`field field-checkbox${errors[field] ? ' field-error' : ''}`}>
      {errors[field] && (
        <p class="error" id={`error-${field}`}>
          {errors[field]}
        </p>
      )}
      <input id={`field-${field}`} name={field} type="checkbox" checked={isTicked(values[field])} {...invalid(field, errors)} />
      <label for={`field-${field}`}>{children}</label>
    </div>
  );
}
