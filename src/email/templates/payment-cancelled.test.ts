import { describe, expect, it } from 'vitest';
import { paymentCancelledEmail, type PaymentCancelledData } from './payment-cancelled.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: PaymentCancelledData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Поддержка сайта',
  number: 'У-1042',
  amountKopecks: 1_500_050,
  card: 'Visa •••• 1981',
  surcharge: false,
  publicUrl: 'https://shop.example.ru',
  orderRef: 'AbC-123_xyz',
};

describe('payment cancelled email', () => {
  it('says the payment is cancelled, for how much, and that the card will have it back, in Russian', () => {
    const email = paymentCancelledEmail(data, sender);
    expect(email.subject).toBe('Оплата заказа У-1042 отменена');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Мы отменили оплату заказа У-1042 «Поддержка сайта» на сумму 15\u00a0000,50\u00a0₽.');
      expect(version).toContain('снова станет доступна на карте Visa •••• 1981');
      expect(version).toContain('https://shop.example.ru/orders/AbC-123_xyz');
      expect(version).toContain('+7 495 000-00-00');
    }
    expectFooter(email);
  });

  it('names a surcharge as a surcharge', () => {
    const email = paymentCancelledEmail({ ...data, number: 'У-1042-Д1', surcharge: true, card: null }, sender);
    expect(email.subject).toBe('Доплата У-1042-Д1 отменена');
    expect(email.text).toContain('Мы отменили доплату У-1042-Д1 по заказу «Поддержка сайта»');
    expect(email.text).toContain('снова станет доступна на карте — обычно');
  });

  it('links to the order page twice, loads nothing remote, escapes user data', () => {
    const { html } = paymentCancelledEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/orders/AbC-123_xyz');
    expectNothingRemote(html);
    expectEscaped(paymentCancelledEmail({ ...data, customerName: scriptName }, sender).html);
  });
});
