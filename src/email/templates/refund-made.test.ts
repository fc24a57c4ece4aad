import { describe, expect, it } from 'vitest';
import { refundMadeEmail, type RefundMadeData } from './refund-made.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: RefundMadeData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Поддержка сайта',
  number: 'У-1042',
  amountKopecks: 1_500_000,
  paidKopecks: 1_500_000,
  refundedKopecks: 1_500_000,
  card: 'Visa •••• 1981',
  surcharge: false,
  publicUrl: 'https://shop.example.ru',
  orderRef: 'AbC-123_xyz',
};

describe('refund made email', () => {
  it('says how much went back to which card and when to expect it, in Russian', () => {
    const email = refundMadeEmail(data, sender);
    expect(email.subject).toBe('Возврат 15 000 ₽ за заказ У-1042 «Поддержка сайта»'); // one line: spaces are plain
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Мы вернули 15\u00a0000\u00a0₽ за заказ У-1042 «Поддержка сайта» на карту Visa •••• 1981.');
      expect(version).toContain('обычно в течение 5 рабочих дней');
      expect(version).toContain('https://shop.example.ru/orders/AbC-123_xyz');
      expect(version).not.toContain('частичный');
    }
    expectFooter(email);
  });

  it('says a partial refund is partial, with the totals', () => {
    const email = refundMadeEmail({ ...data, amountKopecks: 500_050, refundedKopecks: 900_050 }, sender);
    expect(email.text).toContain('Мы вернули 5\u00a0000,50\u00a0₽ за заказ');
    expect(email.text).toContain('Это частичный возврат: из 15\u00a0000\u00a0₽ оплаты возвращено 9\u00a0000,50\u00a0₽.');
  });

  it('names a surcharge, and copes without a card', () => {
    const email = refundMadeEmail({ ...data, number: 'У-1042-Д1', surcharge: true, card: null }, sender);
    expect(email.subject).toBe('Возврат 15 000 ₽ за доплату У-1042-Д1 по заказу «Поддержка сайта»');
    expect(email.text).toContain('за доплату У-1042-Д1 по заказу «Поддержка сайта» на карту, с которой вы платили.');
  });

  it('keeps the subject on one line, links twice, loads nothing remote, escapes user data', () => {
    expect(refundMadeEmail({ ...data, serviceTitle: 'Сайт\r\nBcc: x@evil.example' }, sender).subject).not.toMatch(/[\r\n]/);
    const { html } = refundMadeEmail(data, sender);
    expectLinkTwice(html, 'https://shop.example.ru/orders/AbC-123_xyz');
    expectNothingRemote(html);
    expectEscaped(refundMadeEmail({ ...data, customerName: scriptName }, sender).html);
  });
});
