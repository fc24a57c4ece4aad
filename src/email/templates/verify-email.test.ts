import { describe, expect, it } from 'vitest';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';
import { verifyEmailEmail, type VerifyEmailData } from './verify-email.js';

const data: VerifyEmailData = {
  customerName: 'Иван Петров',
  verifyUrl: 'https://shop.example.ru/account/verify?token=abc123',
  validUntil: new Date('2026-11-27T08:20:00Z'), // 11:20 in Moscow
};

describe('verify email email', () => {
  it('asks to confirm the address, says until when, and what to do if it was not you, in Russian', () => {
    const email = verifyEmailEmail(data, sender);
    expect(email.subject).toBe('Подтвердите адрес электронной почты');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('подтвердите, пожалуйста, адрес электронной почты');
      expect(version).toContain('кнопку «Подтвердить»');
      expect(version).toContain('Ссылка действует 72 часа — до 27 ноября 2026 в 11:20 (мск).');
      expect(version).toContain('Если вы ничего у нас не заказывали');
      expect(version).toContain('https://shop.example.ru/account/verify?token=abc123');
    }
    expectFooter(email);
  });

  it('links to the confirmation page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = verifyEmailEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/account/verify?token=abc123');
    expectNothingRemote(html);
  });

  it('escapes user data in the HTML', () => {
    expectEscaped(verifyEmailEmail({ ...data, customerName: scriptName }, sender).html);
  });
});
