import { passwordProblem, type PasswordOwner } from '../domain/accounts/password-policy.js';
import { commonPasswords } from '../domain/accounts/common-passwords.js';

export type NewPasswordErrors = Partial<Record<'password' | 'password_confirm', string>>;

/** Checks the "new password" and "repeat it" fields of the change and reset forms. */
export function newPasswordErrors(body: Record<string, unknown>, owner: PasswordOwner): NewPasswordErrors | null {
  const password = typeof body.password === 'string' ? body.password : '';
  const problem = passwordProblem(password, owner, commonPasswords);
  if (problem) return { password: problem };
  if (body.password_confirm !== password) return { password_confirm: 'Пароли не совпадают: введите новый пароль ещё раз.' };
  return null;
}
