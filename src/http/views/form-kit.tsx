import type { ComponentChildren } from 'preact';

// Small building blocks for the account forms: errors next to fields and in a summary at the top.

export type FormErrors = Partial<Record<string, string>>;

export function ErrorSummary({ errors, labels }: { errors: FormErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>
        <strong>Проверьте форму:</strong>
      </p>
      <ul>
        {entries.map(([field, message]) => (
          <li>{labels[field] ? <a href={`#field-${field}`}>{`${labels[field]}: ${message}`}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
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
    ...(error ? { 'aria-invalid': 'true' as const, 'aria-describedby': `error-${name}` } : {}),
  };
  // A password is never written back into the page.
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={`field-${name}`}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      {error && (
        <p class="error" id={`error-${name}`}>
          {error}
        </p>
      )}
      {type === 'password' ? <input type="password" {...attributes} /> : <input type={type} list={undefined} value={value} {...attributes} />}
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
