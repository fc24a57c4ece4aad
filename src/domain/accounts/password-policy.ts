// Password rules for clients (and later staff): 12–128 characters of any kind, not a well-known
// password, not the login or the email. Length beats composition rules (NIST SP 800-63B).

export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;

export interface PasswordOwner {
  login: string;
  email: string;
}

/** Why a new password is refused, in Russian, or null when it is fine. */
export function passwordProblem(password: string, owner: PasswordOwner, commonPasswords: ReadonlySet<string>): string | null {
  const length = [...password].length; // characters, not UTF-16 units: "пароль" is 6
  if (length < PASSWORD_LENGTH.min) return `Пароль слишком короткий: нужно не меньше ${PASSWORD_LENGTH.min} символов.`;
  if (length > PASSWORD_LENGTH.max) return `Пароль слишком длинный: не больше ${PASSWORD_LENGTH.max} символов.`;
  const lowered = password.toLowerCase();
  const email = owner.email.toLowerCase();
  if ([owner.login.toLowerCase(), email, email.split('@')[0]].includes(lowered)) {
    return 'Пароль не должен совпадать с логином или адресом почты.';
  }
  if (commonPasswords.has(lowered)) return 'Этот пароль слишком распространён, его легко подобрать. Придумайте другой.';
  return null;
}
