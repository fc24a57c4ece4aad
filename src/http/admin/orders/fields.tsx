import type { ComponentChildren } from 'preact';

// Labelled inputs of the order card's forms, each with its error next to it (ids are prefixed by the
// form, since several forms share one page).

export type Errors = Partial<Record<string, string>>;

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

const invalid = (id: string, error?: string) => (error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {});

export function TextField(props: { id: string; name: string; label: string; value: string; error?: string; hint?: string; type?: 'text' | 'date' | 'datetime-local'; inputMode?: 'decimal'; maxLength?: number }) {
  const { id, name, label, value, error, hint, type = 'text', inputMode, maxLength } = props;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {/* preact types each input type apart; these three take the same attributes here. */}
      <input id={id} name={name} type={type as 'text'} value={value} inputMode={inputMode} maxLength={maxLength} autocomplete="off" {...invalid(id, error)} />
    </Field>
  );
}

export function TextArea(props: { id: string; name: string; label: string; value: string; error?: string; hint?: string; rows?: number; maxLength?: number }) {
  const { id, name, label, value, error, hint, rows = 3, maxLength } = props;
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <textarea id={id} name={name} rows={rows} maxLength={maxLength} {...invalid(id, error)}>
        {value}
      </textarea>
    </Field>
  );
}

export function Select(props: { id: string; name: string; label: string; value: string; options: [value: string, label: string][]; error?: string; placeholder?: string }) {
  const { id, name, label, value, options, error, placeholder } = props;
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} name={name} {...invalid(id, error)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option value={optionValue} selected={optionValue === value}>
            {optionLabel}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A POST form of the card with its CSRF token; `errors` opens it with a summary a screen reader announces. */
export function CardForm({ action, csrfToken, errors, children }: { action: string; csrfToken: string; errors?: Errors; children: ComponentChildren }) {
  const messages = Object.values(errors ?? {}).filter(Boolean);
  return (
    <form method="post" action={action} class="orders-form" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {messages.length > 0 && (
        <p class="error-summary" role="alert">
          Проверьте форму: {messages.length === 1 ? 'одно поле заполнено неверно.' : 'несколько полей заполнены неверно.'}
        </p>
      )}
      {children}
    </form>
  );
}

/** A one-button form (take, start, complete). */
export function ButtonForm({ action, csrfToken, label, danger }: { action: string; csrfToken: string; label: string; danger?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit" class={danger ? 'button button-small button-danger' : 'button button-small'}>
        {label}
      </button>
    </form>
  );
}
