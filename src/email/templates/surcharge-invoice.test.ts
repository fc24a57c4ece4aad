import { describe, expect, it } from 'vitest';
import { surchargeInvoiceEmail, surchargePaidEmail, type SurchargeInvoiceData } from './surcharge-invoice.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const url = 'https://shop.example.ru/account/invoices/AbCdEfGhIjKlMnOpQrStUvWx';
const data: SurchargeInvoiceData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Техническая поддержка сайта',
  orderNumber: 'У-1042',
  invoiceNumber: 'У-1042-Д2',
  workedMinutes: 7 * 60 + 15,
  includedHours: 5,
  extraMinutes: 135,
  hourlyRateKopecks: 300_000,
  proposedKopecks: 675_000,
  amountKopecks: 675_000,
  reason: null,
  invoiceUrl: url,
};
// Our texts glue numbers to their units with no-break spaces.
const nb = (text: string) => text.replace(/ (?=(?:ч|мин)(?:[ .,]|$)|₽)/g, '\u00a0').replace(/(\d) (\d{3})/g, '$1\u00a0$2');

describe('surcharge invoice email', () => {
  it('explains the extra hours, the rate and the amount, and links to the invoice, in Russian', () => {
    const email = surchargeInvoiceEmail(data, sender);
    expect(email.subject).toBe('Счёт на доплату У-1042-Д2: Техническая поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain(nb('Работа по заказу У-1042 «Техническая поддержка сайта» заняла 7 ч 15 мин, а в услугу входит 5 ч.'));
      expect(version).toContain(nb('Дополнительное время — 2 ч 15 мин по ставке 3 000 ₽ за час: 6 750 ₽.'));
      expect(version).toContain(nb('К оплате: 6 750 ₽'));
      expect(version).toContain('Номер счёта: У-1042-Д2.');
      expect(version).toContain(url);
      expect(version).not.toContain('изменена');
      expect(version).not.toContain('предыдущем счёте');
    }
    expectFooter(email);
  });

  it('gives the manager’s reason when the amount was changed', () => {
    const email = surchargeInvoiceEmail({ ...data, amountKopecks: 500_050, reason: 'Полчаса ушло на нашу ошибку, их не считаем.' }, sender);
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Сумма счёта изменена менеджером: Полчаса ушло на нашу ошибку, их не считаем.');
      expect(version).toContain(nb('К оплате: 5 000,50 ₽'));
    }
  });

  it('mentions extra time already covered by an earlier invoice', () => {
    const email = surchargeInvoiceEmail({ ...data, workedMinutes: 9 * 60, invoicedMinutes: 135, extraMinutes: 105, proposedKopecks: 525_000, amountKopecks: 525_000 }, sender);
    expect(email.text).toContain(nb('2 ч 15 мин сверх этого уже учтены в предыдущем счёте.'));
    expect(email.text).toContain(nb('Дополнительное время — 1 ч 45 мин по ставке 3 000 ₽ за час: 5 250 ₽.'));
  });

  it('links to the invoice as a button and as a visible address, loads nothing remote, escapes user data', () => {
    const { html } = surchargeInvoiceEmail(data, sender);
    expectLinkTwice(html, url);
    expectNothingRemote(html);
    expectEscaped(surchargeInvoiceEmail({ ...data, customerName: scriptName, reason: '<b>bold</b>' }, sender).html, '<b>bold</b>');
  });

  it('keeps the subject on one line whatever the service title', () => {
    expect(surchargeInvoiceEmail({ ...data, serviceTitle: 'Поддержка\r\nBcc: x@example.com' }, sender).subject).toBe('Счёт на доплату У-1042-Д2: Поддержка Bcc: x@example.com');
  });
});

describe('surcharge paid email', () => {
  it('confirms the payment with the amount and the order', () => {
    const paid = { customerName: 'Иван Петров', orderNumber: 'У-1042', invoiceNumber: 'У-1042-Д2', serviceTitle: 'Техническая поддержка сайта', amountKopecks: 675_000, invoiceUrl: url };
    const email = surchargePaidEmail(paid, sender);
    expect(email.subject).toBe('Доплата У-1042-Д2 получена');
    for (const version of [email.html, email.text]) {
      expect(version).toContain(nb('Мы получили доплату 6 750 ₽ по счёту У-1042-Д2 к заказу У-1042 «Техническая поддержка сайта». Спасибо!'));
    }
    expectLinkTwice(email.html, url);
    expectFooter(email);
    expectEscaped(surchargePaidEmail({ ...paid, customerName: scriptName, serviceTitle: 'x', amountKopecks: 1 }, sender).html);
  });
});
