import { describe, expect, it } from 'vitest';
import { callbackEscalationEmail, type CallbackEscalationData } from './callback-escalation.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: CallbackEscalationData = {
  staffName: 'Ольга Смирнова',
  orderNumber: 'У-1042',
  serviceTitle: 'Техническая поддержка сайта',
  customerName: 'Иван Петров',
  paidAt: new Date('2026-11-24T10:15:00+03:00'),
  dueAt: new Date('2026-11-24T11:15:00+03:00'),
  assignedName: 'Пётр Иванов',
  cardUrl: 'https://shop.example.ru/admin/orders/3f2a91c0-1b2c-4d5e-8f90-123456789abc',
};

describe('callback escalation email', () => {
  it('names the order, the missed deadline in Moscow time and who has the order', () => {
    const email = callbackEscalationEmail(data, sender);
    expect(email.subject).toBe('Просрочен звонок клиенту: заказ У-1042');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Ольга Смирнова!');
      expect(version).toContain('Никто не связался с клиентом до 24 ноября 2026 в 11:15 (мск): срок звонка прошёл.');
      expect(version).toContain('Заказ У-1042: Техническая поддержка сайта');
      expect(version).toContain('Клиент: Иван Петров. Оплачен 24 ноября 2026 в 10:15 (мск).');
      expect(version).toContain('Заказ ведёт Пётр Иванов.');
    }
    expectFooter(email);
  });

  it('says when nobody took the order', () => {
    expect(callbackEscalationEmail({ ...data, assignedName: null }, sender).text).toContain('Заказ пока никто не взял.');
  });

  it('links to the order card, loads nothing remote and carries no phone number of the client', () => {
    const { html, text } = callbackEscalationEmail(data, sender);
    expectLinkTwice(html, data.cardUrl);
    expectNothingRemote(html);
    expect(text).not.toMatch(/\+7 9/);
  });

  it('escapes names in the HTML', () => {
    expectEscaped(callbackEscalationEmail({ ...data, customerName: scriptName }, sender).html);
  });
});
