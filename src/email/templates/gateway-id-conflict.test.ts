import { describe, expect, it } from 'vitest';
import { gatewayIdConflictEmail, type GatewayIdConflictData } from './gateway-id-conflict.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: GatewayIdConflictData = {
  adminName: 'Ольга Смирнова',
  at: new Date('2026-11-29T12:05:00+03:00'),
  orderNumber: 'У-1042',
  gatewayPaymentId: '100000',
  heldByOrderNumber: 'У-1017',
  cardUrl: 'https://shop.example.ru/admin/orders/0d6b1f5e-3a59-4c1e-9f8a-1b2c3d4e5f60',
};

describe('gateway payment id conflict email', () => {
  it('names the order, the repeated number and the order that holds it, and links to the card', () => {
    const email = gatewayIdConflictEmail(data, sender);
    expect(email.subject).toBe('Платёжный шлюз повторил номер платежа: клиент не смог оплатить заказ У-1042');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Ольга Смирнова!');
      expect(version).toContain('29 ноября 2026 в 12:05 (мск) платёжный шлюз создал платёж по заказу У-1042 под номером 100000');
      expect(version).toContain('уже есть у платежа по заказу У-1017.');
      expect(version).toContain('Заказ сохранён, деньги не списаны');
    }
    expectLinkTwice(email.html, data.cardUrl);
    expectNothingRemote(email.html);
    expectFooter(email);
  });

  it('escapes the admin name', () => {
    const email = gatewayIdConflictEmail({ ...data, adminName: scriptName, heldByOrderNumber: null }, sender);
    expectEscaped(email.html);
    expect(email.text).toContain('уже есть у другого платежа.');
  });
});
