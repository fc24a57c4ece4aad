import type { Buyer, MoneyEvent, Seller } from './money-event.js';

// The worked examples of docs/atol-protocol.md#worked-examples as money events (order 10482, ООО «Пример»,
// OSN, VAT 22 %), shared by the receipt rules' tests and the ATOL adapter's, which compares its JSON
// with the reference's.

export const exampleSeller: Seller = {
  inn: '7700000000',
  email: 'receipts@shop.example.ru',
  taxSystem: 'osn',
  paymentAddress: 'https://shop.example.ru',
};

export const exampleBuyer: Buyer = { email: 'client@mail.example' };

const service = { title: 'Настройка сервера, пакет 8 ч', priceKopecks: 1_500_000, vat: 'vat22' as const };

export const workedExamples = {
  /** 5.a — 15 000,00 paid 100 % in advance by card on 05.02.2026. */
  prepayment: { kind: 'order_paid', reference: '10482', service },
  /** 5.b — the service handed over on 09.02.2026: the prepayment offset. */
  settlement: { kind: 'order_completed', reference: '10482', service },
  /** 5.b after 5.d — only 10 000,00 of the prepayment is left to offset. */
  settlementAfterPartialReturn: { kind: 'order_completed', reference: '10482', service, prepaidKopecks: 1_000_000 },
  /** 5.c — 2 extra hours × 2 500,00, paid by card on 12.02.2026. */
  surcharge: {
    kind: 'invoice_paid',
    reference: '10482',
    hours: { title: 'Дополнительные часы работ (заказ 10482)', hours: 2, hourlyRateKopecks: 250_000, vat: 'vat22', amountKopecks: 500_000 },
    paidWith: 'electronic',
  },
  /** 5.d — 5 000,00 of the prepayment returned before the service, 07.02.2026. */
  prepaymentReturn: {
    kind: 'money_returned',
    reference: '10482',
    amountKopecks: 500_000,
    reverses: 'prepayment_100',
    line: { title: 'Настройка сервера, пакет 8 ч (частичный возврат предоплаты)', measure: 'piece', vat: 'vat22' },
  },
  /** 5.e — 3 000,00 returned after the settlement, 16.02.2026. */
  settlementReturn: {
    kind: 'money_returned',
    reference: '10482',
    amountKopecks: 300_000,
    reverses: 'full',
    line: { title: 'Настройка сервера (возврат части стоимости)', measure: 'piece', vat: 'vat22' },
  },
} satisfies Record<string, MoneyEvent>;
