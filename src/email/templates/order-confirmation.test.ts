import { describe, expect, it } from 'vitest';
import { orderConfirmation, type OrderConfirmationData } from './order-confirmation.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: OrderConfirmationData = {
  customerName: 'Иван Петров',
  orderNumber: 'У-1042',
  serviceTitle: 'Поддержка сайта',
  priceKopecks: 1_500_000,
  paidKopecks: 1_500_000,
  card: { brand: 'Visa', last4: '1981' },
  paidAt: new Date('2026-11-24T08:20:00Z'), // 11:20 in Moscow
  publicUrl: 'https://shop.example.ru',
  orderRef: 'AbC-123_xyz',
  managerDeadline: 'сегодня до 12:20',
};

describe('order confirmation email', () => {
  it('says what was bought, what was paid, by which card, when, and who calls when, in Russian', () => {
    const email = orderConfirmation(data, sender);
    expect(email.subject).toBe('Заказ У-1042 оплачен: Поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Поддержка сайта');
      expect(version).toMatch(/Номер заказа(<[^>]+>|: )*У-1042/);
      expect(version).toContain('15\u00a0000\u00a0₽');
      expect(version).toContain('Visa •••• 1981');
      expect(version).toContain('24 ноября 2026 в 11:20 (мск)');
      expect(version).toContain('Менеджер свяжется с вами сегодня до 12:20');
      expect(version).toContain('https://shop.example.ru/orders/AbC-123_xyz');
    }
    expectFooter(email);
  });

  it('says the cash receipt comes from the register\'s OFD when receipts are issued, and nothing about it otherwise', () => {
    const withReceipts = orderConfirmation({ ...data, receiptByOfd: true }, sender);
    for (const version of [withReceipts.html, withReceipts.text]) expect(version).toContain('Кассовый чек придёт отдельным письмом от оператора фискальных данных (ОФД)');
    expect(orderConfirmation(data, sender).text).not.toContain('Кассовый чек');
  });

  it('escapes user data in the HTML and keeps the subject on one line', () => {
    const email = orderConfirmation({ ...data, customerName: scriptName, serviceTitle: 'Сайт\r\nBcc: x@evil.example' }, sender);
    expectEscaped(email.html);
    expect(email.subject).toBe('Заказ У-1042 оплачен: Сайт Bcc: x@evil.example');
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it('loads nothing remote: no images, no external styles or scripts, inline styles only', () => {
    const { html } = orderConfirmation(data, sender);
    expectNothingRemote(html);
    expect(html).not.toContain('http://');
    // The only addresses are the links to the order page: the button and the visible address.
    expect(html.match(/https?:\/\/[^"<\s]+/g)?.every((url) => url === 'https://shop.example.ru/orders/AbC-123_xyz')).toBe(true);
    expectLinkTwice(html, 'https://shop.example.ru/orders/AbC-123_xyz');
  });

  it('leaves out the card line when the gateway did not name the card', () => {
    const email = orderConfirmation({ ...data, card: null }, sender);
    expect(email.text).not.toContain('Карта');
  });
});
