import { describe, expect, it } from 'vitest';
import { emailChangeConfirmEmail, emailChangeNoticeEmail, type EmailChangeConfirmData } from './email-change.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: EmailChangeConfirmData = {
  customerName: 'Иван Петров',
  newEmail: 'ivan.new@mail.example',
  confirmUrl: 'https://shop.example.ru/account/email?token=abc123',
  validUntil: new Date('2026-11-27T08:20:00Z'), // 11:20 in Moscow
};

describe('email change confirmation (to the new address)', () => {
  it('asks to confirm the new address, says until when, and that the old one stays until then, in Russian', () => {
    const email = emailChangeConfirmEmail(data, sender);
    expect(email.subject).toBe('Подтвердите новый адрес электронной почты');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('ivan.new@mail.example');
      expect(version).toContain('Ссылка действует 72 часа — до 27 ноября 2026 в 11:20 (мск).');
      expect(version).toContain('Пока новый адрес не подтверждён, действует прежний.');
      expect(version).toContain('https://shop.example.ru/account/email?token=abc123');
    }
    expectFooter(email);
  });

  it('links to the confirmation page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = emailChangeConfirmEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/account/email?token=abc123');
    expectNothingRemote(html);
  });

  it('escapes user data in the HTML', () => {
    const email = emailChangeConfirmEmail({ ...data, customerName: scriptName, newEmail: '<i>x</i>@evil.example' }, sender);
    expectEscaped(email.html, '<i>x</i>');
  });
});

describe('email change notice (to the old address)', () => {
  const notice = { customerName: 'Иван Петров', newEmail: 'ivan.new@mail.example' };

  it('says a change was asked for, when it takes effect, and what to do if it was not you, in Russian', () => {
    const email = emailChangeNoticeEmail(notice, sender);
    expect(email.subject).toBe('Адрес электронной почты в личном кабинете меняется');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('на смену адреса электронной почты в личном кабинете на ivan.new@mail.example');
      expect(version).toContain('только когда новый адрес будет подтверждён');
      expect(version).toContain('Если это были не вы, срочно позвоните нам: +7 495 000-00-00');
      expect(version).toContain('смените пароль');
    }
    expectFooter(email);
    expectNothingRemote(email.html);
  });

  it('escapes user data in the HTML', () => {
    const email = emailChangeNoticeEmail({ customerName: scriptName, newEmail: '<i>x</i>@evil.example' }, sender);
    expectEscaped(email.html, '<i>x</i>');
  });
});
