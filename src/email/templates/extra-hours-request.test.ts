import { describe, expect, it } from 'vitest';
import { extraHoursRequestEmail, type ExtraHoursRequestData } from './extra-hours-request.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: ExtraHoursRequestData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Техническая поддержка сайта',
  orderNumber: 'У-1042',
  minutes: 135,
  hourlyRateKopecks: 300_000,
  note: 'Перенос почты занял больше времени.\nНужно ещё проверить формы.',
  orderUrl: 'https://shop.example.ru/account/orders/AbCdEf123',
};

describe('extra hours request email', () => {
  it('says how many hours, what they cost, why, and that nothing is billed without the client', () => {
    const email = extraHoursRequestEmail(data, sender);
    expect(email.subject).toBe('Согласуйте дополнительные часы по заказу У-1042: Техническая поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('По вашему заказу У-1042 нужно больше времени, чем согласовано:');
      expect(version).toContain('Дополнительно: 2,25\u00a0ч × 3\u00a0000\u00a0₽ за час = 6\u00a0750\u00a0₽');
      expect(version).toContain('Перенос почты занял больше времени.');
      expect(version).toContain('Нужно ещё проверить формы.');
      expect(version).toContain('Без вашего согласия мы не выставим счёт');
    }
    expectFooter(email);
  });

  it('links to the order in the account, loads nothing remote and escapes the note', () => {
    const email = extraHoursRequestEmail(data, sender);
    expectLinkTwice(email.html, data.orderUrl);
    expectNothingRemote(email.html);
    expectEscaped(extraHoursRequestEmail({ ...data, customerName: scriptName, note: '<b>x</b>' }, sender).html, '<b>x</b>');
  });
});
