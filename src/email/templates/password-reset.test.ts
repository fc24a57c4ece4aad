import { describe, expect, it } from 'vitest';
import { passwordResetEmail, type PasswordResetData } from './password-reset.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: PasswordResetData = {
  customerName: 'Иван Петров',
  resetUrl: 'https://shop.example.ru/account/reset?token=abc123',
  validUntil: new Date('2026-11-24T09:20:00Z'), // 12:20 in Moscow
};

describe('password reset email', () => {
  it('gives a one-time link, its deadline and what to do if you did not ask, in Russian', () => {
    const email = passwordResetEmail(data, sender);
    expect(email.subject).toBe('Восстановление пароля');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('восстановление пароля');
      expect(version).toContain('Ссылка действует один раз и только 1 час — до 24 ноября 2026 в 12:20 (мск).');
      expect(version).toContain('пароль останется прежним');
      expect(version).toContain('https://shop.example.ru/account/reset?token=abc123');
    }
    expectFooter(email);
  });

  it('links to the reset page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = passwordResetEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/account/reset?token=abc123');
    expectNothingRemote(html);
  });

  it('escapes user data in the HTML', () => {
    expectEscaped(passwordResetEmail({ ...data, customerName: scriptName }, sender).html);
  });
});
