import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords.js';
import { passwordProblem } from './password-policy.js';

const owner = { login: 'ivan.petrov.4821', email: 'Ivan.Petrov@example.ru' };

describe('passwordProblem', () => {
  it.each(['корова-летит-на-юг', 'correct horse battery staple', '            x', '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂'])('accepts %j', (password) => {
    expect(passwordProblem(password, owner, commonPasswords)).toBeNull();
  });

  it.each([
    ['short', 'короткий1', 'короткий'],
    ['too long', 'я'.repeat(129), 'длинный'],
    ['the login', 'IVAN.PETROV.4821', 'логином'],
    ['the email', 'ivan.petrov@example.ru', 'логином'],
    ['a well-known password', 'qwertyuiop123', 'распространён'],
    ['a well-known password in Russian layout', 'йцукенгшщзхъ', 'распространён'],
  ])('refuses %s', (_case, password, word) => {
    expect(passwordProblem(password, owner, commonPasswords)).toContain(word);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🙂'.repeat(11), owner, commonPasswords)).toContain('короткий');
  });
});
