import { webhookEventNames, webhookEventTypes } from '../../../domain/webhooks/webhook-events.js';
import type { EndpointField, EndpointValues } from '../../../domain/webhooks/webhook-form.js';
import { ErrorSummary, Input } from '../../views/form-kit.js';

export const endpointLabels: Record<EndpointField, string> = { name: 'Название', url: 'Адрес (URL)', events: 'События' };

/** The fields of the new-endpoint and edit forms. */
export function EndpointFields({ values, errors = {} }: { values: EndpointValues; errors?: Partial<Record<EndpointField, string>> }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={endpointLabels} />
      <Input name="name" label={endpointLabels.name} autocomplete="off" value={values.name} errors={errors} maxLength={100} hint="Чтобы отличать получателей, например «Битрикс24, отдел продаж»." />
      <Input
        name="url"
        label={endpointLabels.url}
        autocomplete="off"
        value={values.url}
        errors={errors}
        maxLength={2000}
        hint="Куда отправлять события: https://…. Логин и пароль в адресе не допускаются — каждый запрос подписывается секретом."
      />
      <fieldset class={`field${errors.events ? ' field-error' : ''}`} aria-describedby={errors.events ? 'error-events' : undefined}>
        <legend id="field-events">{endpointLabels.events}</legend>
        {errors.events && (
          <p class="error" id="error-events">
            {errors.events}
          </p>
        )}
        {webhookEventTypes.map((type) => (
          <div class="field-checkbox">
            <input type="checkbox" id={`event-${type}`} name="events" value={type} checked={values.events.includes(type)} />
            <label for={`event-${type}`}>
              {webhookEventNames[type]} <code>{type}</code>
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
