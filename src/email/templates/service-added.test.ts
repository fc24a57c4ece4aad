import { describe, expect, it } from 'vitest';
import { serviceAddedEmail, type ServiceAddedData } from './service-added.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: ServiceAddedData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Поддержка сайта',
  orderNumber: 'У-1042',
  accountUrl: 'https://shop.example.ru/account',
};

describe('service added email', () => {
  it('says the service is in the existing account and no new password is issued, in Russian', () => {
    const email = serviceAddedEmail(data, sender);
    expect(email.subject).toBe('Услуга добавлена в личный кабинет: заказ У-1042, Поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Оплаченная услуга добавлена в ваш личный кабинет');
      expect(version).toContain('Заказ У-1042: Поддержка сайта');
      expect(version).toContain('обычными логином и паролем');
      expect(version).toContain('новый пароль не нужен');
      expect(version).toContain('https://shop.example.ru/account');
    }
    expectFooter(email);
  });

  it('links to the account as a button and as a visible address, and loads nothing remote', () => {
    const { html } = serviceAddedEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/account');
    expectNothingRemote(html);
  });

  it('escapes user data in the HTML and keeps the subject on one line', () => {
    const email = serviceAddedEmail({ ...data, customerName: scriptName, serviceTitle: 'Сайт\r\nBcc: x@evil.example' }, sender);
    expectEscaped(email.html);
    expect(email.subject).toBe('Услуга добавлена в личный кабинет: заказ У-1042, Сайт Bcc: x@evil.example');
  });
});
