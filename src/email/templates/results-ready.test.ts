import { describe, expect, it } from 'vitest';
import { orderMessageEmail } from './order-message.js';
import { resultsReadyEmail } from './results-ready.js';
import { expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName, sender } from './test-kit.js';

const orderUrl = 'https://shop.example.ru/account/orders/AbCdEf123#results';

describe('results ready email', () => {
  it('says how many results came and links to them in the account, never attaching them', () => {
    const email = resultsReadyEmail({ customerName: 'Иван Петров', serviceTitle: 'Лендинг под ключ', orderNumber: 'У-1042', count: 3, orderUrl }, sender);
    expect(email.subject).toBe('Результаты по заказу У-1042 готовы: Лендинг под ключ');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('появились результаты работы (3)');
      expect(version).toContain('Лендинг под ключ');
    }
    expectLinkTwice(email.html, orderUrl);
    expectNothingRemote(email.html);
    expectFooter(email);
  });

  it('speaks of one result in the singular and escapes the names', () => {
    const email = resultsReadyEmail({ customerName: scriptName, serviceTitle: '<b>Сайт</b>', orderNumber: 'У-1042', count: 1, orderUrl }, sender);
    expect(email.text).toContain('появился результат работы:');
    expectEscaped(email.html, '<b>Сайт</b>');
  });
});

describe('order message email', () => {
  const messagesUrl = 'https://shop.example.ru/account/orders/AbCdEf123#messages';

  it('says to answer in the account, not by replying, and carries no text of the message', () => {
    const email = orderMessageEmail({ customerName: 'Иван Петров', serviceTitle: 'Лендинг под ключ', orderNumber: 'У-1042', orderUrl: messagesUrl }, sender);
    expect(email.subject).toBe('Новое сообщение по заказу У-1042: Лендинг под ключ');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('ответьте в личном кабинете');
      expect(version).toContain('Ответ на это письмо не попадёт в переписку.');
    }
    expectLinkTwice(email.html, messagesUrl);
    expectNothingRemote(email.html);
    expectFooter(email);
  });
});
