import { describe, expect, it } from 'vitest';
import { accessActiveEmail, type AccessActiveData } from './access-active.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: AccessActiveData = {
  customerName: 'Иван Петров',
  login: 'client-4821',
  accountUrl: 'https://shop.example.ru/account',
};

describe('access active email', () => {
  it('says the address is confirmed, reminds the login and what to do if it was not you, in Russian', () => {
    const email = accessActiveEmail(data, sender);
    expect(email.subject).toBe('Доступ в личный кабинет открыт');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Адрес электронной почты подтверждён, доступ в личный кабинет открыт.');
      expect(version).toContain('укажите логин client-4821 или адрес электронной почты');
      expect(version).toContain('https://shop.example.ru/account');
      expect(version).toContain('Если это были не вы, ответьте на это письмо или позвоните нам: +7 495 000-00-00.');
    }
    expectFooter(email);
  });

  it('links to the account as a button and as a visible address, and loads nothing remote', () => {
    const { html } = accessActiveEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/account');
    expectNothingRemote(html);
  });

  it('escapes user data in the HTML', () => {
    expectEscaped(accessActiveEmail({ ...data, customerName: scriptName }, sender).html);
  });
});
