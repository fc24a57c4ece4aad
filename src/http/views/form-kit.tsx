import type { ComponentChildren } from 'preact';

// Small building blocks for the forms: errors next to fields and in a summary at the top.

export type FormErrors = Partial<Record<string, string>>;

/**
 * The errors of a sent form, at its top. The page opens on it: `autofocus` on a focusable block
 * (tabindex=-1) moves focus there and scrolls it into view without any script, so a phone user sees
 * what went wrong at once instead of the top of a long page. Each message is a whole sentence and
 * links to its field (`labels` names the fields that have one); a label is not repeated in front of
 * the message, whose own wording already says which field it means.
 */
export function ErrorSummary({ errors, labels }: { errors: FormErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" id="errors" role="alert" tabindex={-1} autofocus>
      <p>
        <strong>Проверьте форму:</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => (
          <li>{labels[field] ? <a href={`#field-${field}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The ids that describe a field: its hint and its error, for `aria-describedby`. */
export function describedBy(name: string, parts: { hint?: unknown; error?: unknown }): { 'aria-describedby'?: string } {
  const ids = [parts.hint ? `hint-${name}` : '', parts.error ? `error-${name}` : ''].filter(Boolean);
  return ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {};
}

export interface InputProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  errors?: FormErrors;
  maxLength?: number;
}

export function Input({ name, label, type = 'text', autocomplete, value, hint, errors = {}, maxLength }: InputProps) {
  const error = errors[name];
  const attributes = {
    id: `field-${name}`,
    name,
    autocomplete,
    maxLength,
    ...(error ? { 'aria-invalid': 'true' as const } : {}),
    ...describedBy(name, { hint, error }),
  };
  // A password is never written back into the page.
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      {type === 'password' ? <input type="password" {...attributes} /> : <input type={type} list={undefined} value={value} {...attributes} />}
    </FieldFrame>
  );
}

/** A field's label, hint and error around its control (whose id is `field-<name>`; see describedBy). */
export function FieldFrame({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={`field-${name}`}>{label}</label>
      {hint && (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`error-${name}`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** A POST form with its CSRF token. */
export function PostForm({ action, csrfToken, children, class: className }: { action: string; csrfToken: string; children: ComponentChildren; class?: string }) {
  return (
    <form method="post" action={action} class={className} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}
