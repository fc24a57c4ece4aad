import { describe, expect, it } from 'vitest';
import { alertMessage } from '../../domain/notifications/alert-message.js';
import { staffAlertEmail } from './staff-alert.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const cardUrl = 'https://shop.example.ru/admin/orders/3f2a91c0-1b2c-4d5e-8f90-123456789abc';
const facts = {
  event: 'order.paid' as const,
  orderNumber: '3F2A91C0',
  serviceTitle: 'Техническая поддержка сайта',
  customerName: 'Иван Петров',
  amountKopecks: 1_250_000,
  callbackDueAt: new Date('2026-11-24T15:26:00+03:00'),
  details: null,
  cardUrl,
};
const now = new Date('2026-11-24T14:26:00+03:00');

describe('staff alert email', () => {
  it('names the order, the service, the client, the sum and the callback deadline in words', () => {
    const email = staffAlertEmail({ staffName: 'Ольга Смирнова', message: alertMessage(facts, now) }, sender);
    expect(email.subject).toBe('Заказ № 3F2A91C0 оплачен');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Ольга Смирнова!');
      expect(version).toContain('Услуга: Техническая поддержка сайта');
      expect(version).toContain('Клиент: Иван Петров');
      expect(version).toContain('Сумма: 12\u00a0500\u00a0₽');
      expect(version).toContain('Позвонить сегодня до 15:26');
    }
    expectFooter(email);
  });

  it('says what to review when a payment needs a decision', () => {
    const message = alertMessage({ ...facts, event: 'order.needs_review', details: 'Заказ оплачен повторно: верните лишний платёж клиенту.' }, now);
    const email = staffAlertEmail({ staffName: 'Ольга', message }, sender);
    expect(email.subject).toBe('Заказ № 3F2A91C0: платёж требует проверки');
    expect(email.text).toContain('Заказ оплачен повторно: верните лишний платёж клиенту.');
    expect(email.text).not.toContain('Позвонить');
  });

  it('links to the order card and loads nothing remote', () => {
    const { html } = staffAlertEmail({ staffName: 'Ольга', message: alertMessage(facts, now) }, sender);
    expectLinkTwice(html, cardUrl);
    expectNothingRemote(html);
  });

  it('escapes names in the HTML', () => {
    expectEscaped(staffAlertEmail({ staffName: 'Ольга', message: alertMessage({ ...facts, customerName: scriptName }, now) }, sender).html);
  });
});
