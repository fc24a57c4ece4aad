import { describe, expect, it } from 'vitest';
import { credentialsEmail, type CredentialsData } from './credentials.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: CredentialsData = {
  customerName: 'Иван Петров',
  orderNumber: 'У-1042',
  login: 'client-4821',
  temporaryPassword: 'Xk7-pQ2m-9Lw',
  loginUrl: 'https://shop.example.ru/account/login',
  validUntil: new Date('2026-11-27T08:20:00Z'), // 11:20 in Moscow
};

describe('credentials email', () => {
  it('gives the login, the temporary password, its deadline and what to do next, in Russian', () => {
    const email = credentialsEmail(data, sender);
    expect(email.subject).toBe('Доступ в личный кабинет');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Для вашего заказа У-1042 мы создали личный кабинет');
      expect(version).toContain('client-4821');
      expect(version).toContain('Xk7-pQ2m-9Lw');
      expect(version).toContain('действует 72 часа');
      expect(version).toContain('или пока вы не зададите свой');
      expect(version).toContain('до 27 ноября 2026 в 11:20 (мск)');
      expect(version).toContain('При первом входе вы зададите собственный пароль');
      expect(version).toContain('Вместо логина можно указать адрес электронной почты');
      expect(version).toContain('подтвердите адрес электронной почты по ссылке из следующего письма');
      expect(version).toContain('«Забыли пароль?»');
      expect(version).toContain('https://shop.example.ru/account/login');
    }
    expectFooter(email);
  });

  it('links to the login page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = credentialsEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/account/login');
    expectNothingRemote(html);
  });

  it('escapes user data in the HTML', () => {
    expectEscaped(credentialsEmail({ ...data, customerName: scriptName, login: '<b>x</b>' }, sender).html, '<b>x</b>');
  });
});
