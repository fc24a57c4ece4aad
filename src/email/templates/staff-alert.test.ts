import { describe, expect, it } from 'vitest';
import { alertMessage, leadAlertMessage } from '../../domain/notifications/alert-message.js';
import { staffAlertEmail } from './staff-alert.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const cardUrl = 'https://shop.example.ru/admin/orders/3f2a91c0-1b2c-4d5e-8f90-123456789abc';
const facts = {
  event: 'order.paid' as const,
  orderNumber: 'У-1042',
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
    expect(email.subject).toBe('Заказ У-1042 оплачен');
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
    expect(email.subject).toBe('Заказ У-1042: платёж требует проверки');
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

  describe('for a call-back request from the site', () => {
    const lead = {
      event: 'lead.created' as const,
      name: 'Анна Волкова',
      phone: '+79123456789',
      service: 'Лендинг под ключ',
      comment: 'Удобно после обеда',
      callbackDueAt: new Date('2026-11-24T15:26:00+03:00'),
      contacted: false,
      leadsUrl: 'https://shop.example.ru/admin/leads',
    };

    it('gives the name, the phone, the service, the comment, the deadline in words and the leads page', () => {
      const email = staffAlertEmail({ staffName: 'Ольга', message: leadAlertMessage(lead, now) }, sender);
      expect(email.subject).toBe('Заявка на звонок: Анна Волкова');
      for (const line of ['Телефон: +7 912 345 67 89', 'Услуга: Лендинг под ключ', 'Комментарий: Удобно после обеда', 'Позвонить сегодня до 15:26', 'Открыть заявки']) {
        expect(email.text).toContain(line);
      }
      expectLinkTwice(email.html, lead.leadsUrl);
    });

    it('says the time is up when nobody called, and stops asking once somebody did', () => {
      const late = new Date('2026-11-24T15:27:00+03:00');
      const overdue = leadAlertMessage({ ...lead, event: 'lead.overdue', service: null, comment: null }, late);
      expect(overdue.title).toBe('Заявке не перезвонили в срок: Анна Волкова');
      expect(overdue.lines).toEqual(['Телефон: +7 912 345 67 89', 'Срок звонка истёк: сегодня в 15:26. Позвоните и отметьте «Перезвонили».']);
      expect(leadAlertMessage({ ...lead, contacted: true }, late).lines.at(-1)).toBe('Уже перезвонили.');
    });
  });
});
