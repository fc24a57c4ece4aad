import { describe, expect, it } from 'vitest';
import { workAcceptedEmail, type WorkAcceptedData } from './work-accepted.js';
import { workHandedOverEmail, type WorkHandedOverData } from './work-handed-over.js';
import { expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName, sender } from './test-kit.js';

const handedOver: WorkHandedOverData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Лендинг под ключ',
  orderNumber: 'У-1042',
  lastDay: '14 января 2027 г.',
  period: '5 (пяти) рабочих дней',
  orderUrl: 'https://shop.example.ru/account/orders/AbCdEf123#acceptance',
};

const accepted: WorkAcceptedData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Лендинг под ключ',
  orderNumber: 'У-1042',
  actTitle: 'Акт об оказании услуг № 17 от 15 января 2027 г.',
  acceptance: 'client',
  orderUrl: 'https://shop.example.ru/account/orders/AbCdEf123#act',
};

describe('work handed over email', () => {
  it('asks to accept or write remarks by the last day, and says what silence means', () => {
    const email = workHandedOverEmail(handedOver, sender);
    expect(email.subject).toBe('Работа по заказу У-1042 сдана, примите её: Лендинг под ключ');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('«Принять работу» или «Есть замечания»');
      expect(version).toContain('Ответьте до 14 января 2027 г. включительно.');
      expect(version).toContain('у вас 5 (пяти) рабочих дней');
      expect(version).toContain('работа считается принятой без замечаний');
    }
    expectFooter(email);
    expectLinkTwice(email.html, handedOver.orderUrl);
    expectNothingRemote(email.html);
    expectEscaped(workHandedOverEmail({ ...handedOver, customerName: scriptName }, sender).html);
  });
});

describe('work accepted email', () => {
  it('links to the act in the account and says how the work was accepted', () => {
    const email = workAcceptedEmail(accepted, sender);
    expect(email.subject).toBe('Заказ У-1042 выполнен, акт об оказании услуг: Лендинг под ключ');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Вы приняли работу по заказу');
      expect(version).toContain('Акт об оказании услуг № 17 от 15 января 2027 г. — в личном кабинете');
    }
    expect(workAcceptedEmail({ ...accepted, acceptance: 'silence' }, sender).text).toContain('Срок приёмки истёк без замечаний');
    expectFooter(email);
    expectLinkTwice(email.html, accepted.orderUrl);
    expectNothingRemote(email.html);
  });
});
