import { describedBy, FieldFrame, type FormErrors } from '../../views/form-kit.js';

/** A multi-line field with its hint and error, like the account forms' inputs. */
export function TextArea({ name, label, rows, value, errors, hint }: { name: string; label: string; rows: number; value?: string; errors: FormErrors; hint?: string }) {
  const error = errors[name];
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <textarea id={`field-${name}`} name={name} rows={rows} aria-invalid={error ? 'true' : undefined} {...describedBy(name, { hint, error })}>
        {value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function Notice({ text }: { text?: string }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}
