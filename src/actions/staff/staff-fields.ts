import { newPasswordErrors } from '../../accounts/new-password.js';
import { contactFieldRules } from '../../domain/orders/order-form.js';
import { staffRoles, type StaffRole } from '../../domain/staff/staff-access.js';

// The fields of the staff forms (setup, invitation, a new password), checked with the same rules as
// the clients' where they mean the same thing.

export type StaffFieldErrors = Partial<Record<'name' | 'email' | 'role' | 'password' | 'password_confirm', string>>;

export type Checked<T> = ({ ok: true } & T) | { ok: false; errors: StaffFieldErrors };

/** A staff member's name and email. */
export function checkPerson(body: Record<string, unknown>): Checked<{ name: string; email: string }> {
  const name = contactFieldRules.name.safeParse(typeof body.name === 'string' ? body.name : '');
  const email = contactFieldRules.email.safeParse(typeof body.email === 'string' ? body.email : '');
  if (name.success && email.success) return { ok: true, name: name.data, email: email.data };
  return { ok: false, errors: { name: name.error?.issues[0]?.message, email: email.error?.issues[0]?.message } };
}

export function roleFrom(value: unknown): StaffRole | undefined {
  return staffRoles.find((role) => role === value);
}

export function passwordErrors(body: Record<string, unknown>, email: string): StaffFieldErrors | null {
  return newPasswordErrors(body, { login: email, email });
}
