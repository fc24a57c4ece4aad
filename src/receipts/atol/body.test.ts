import { describe, expect, it } from 'vitest';
import type { MoneyEvent, Seller } from '../../domain/receipts/money-event.js';
import type { TaxSystem, VatRate } from '../../domain/receipts/receipt.js';
import { ReceiptRuleError } from '../../domain/receipts/receipt-checks.js';
import { receiptForEvent } from '../../domain/receipts/receipt-rules.js';
import { exampleBuyer, exampleSeller, workedExamples } from '../../domain/receipts/worked-examples.js';
import { atolRequest, operationFor } from './body.js';

// The adapter's JSON against the worked examples of docs/atol-protocol.md#worked-examples (the
// reference's §5), with our external ids and the order number we add as a user property.

const CALLBACK = 'https://shop.example.ru/hooks/atol';
const company = { email: 'receipts@shop.example.ru', sno: 'osn', inn: '7700000000', payment_address: 'https://shop.example.ru' };
const client = { email: 'client@mail.example' };
const orderNumber = { name: 'Номер заказа', value: '10482' };
/** «dd.mm.yyyy HH:MM:SS» Moscow → the moment (Moscow is UTC+3 all year). */
const msk = (text: string) => {
  const [, d, m, y, time] = /^(\d\d)\.(\d\d)\.(\d{4}) (.+)$/.exec(text)!;
  return new Date(`${y}-${m}-${d}T${time}+03:00`);
};

function bodyOf(event: MoneyEvent, externalId: string, at: string, callbackUrl: string | null = CALLBACK) {
  const document = receiptForEvent(event, exampleSeller, exampleBuyer);
  return { operation: operationFor(document), body: atolRequest(document, externalId, { callbackUrl, at: msk(at) }) };
}

describe('atolRequest: the worked examples', () => {
  it('5.a prepayment 100 % at payment → sell, full_prepayment, vat122, paid electronically', () => {
    expect(bodyOf(workedExamples.prepayment, 'uslugi:order:10482:prepayment:1', '05.02.2026 12:00:01')).toEqual({
      operation: 'sell',
      body: {
        external_id: 'uslugi:order:10482:prepayment:1',
        timestamp: '05.02.2026 12:00:01',
        service: { callback_url: CALLBACK },
        receipt: {
          client,
          company,
          items: [
            {
              name: 'Настройка сервера, пакет 8 ч',
              price: 15000.0,
              quantity: 1,
              measure: 0,
              sum: 15000.0,
              payment_method: 'full_prepayment',
              payment_object: 4,
              vat: { type: 'vat122', sum: 2704.92 },
            },
          ],
          payments: [{ type: 1, sum: 15000.0 }],
          vats: [{ type: 'vat122', sum: 2704.92 }],
          total: 15000.0,
          internet: true,
          additional_user_props: orderNumber,
        },
      },
    });
  });

  it('5.b full settlement → sell, full_payment, vat22, prepayment offset (type 2)', () => {
    expect(bodyOf(workedExamples.settlement, 'uslugi:order:10482:settlement:1', '09.02.2026 18:30:00')).toEqual({
      operation: 'sell',
      body: {
        external_id: 'uslugi:order:10482:settlement:1',
        timestamp: '09.02.2026 18:30:00',
        service: { callback_url: CALLBACK },
        receipt: {
          client,
          company,
          items: [
            {
              name: 'Настройка сервера, пакет 8 ч',
              price: 15000.0,
              quantity: 1,
              measure: 0,
              sum: 15000.0,
              payment_method: 'full_payment',
              payment_object: 4,
              vat: { type: 'vat22', sum: 2704.92 },
            },
          ],
          payments: [{ type: 2, sum: 15000.0 }],
          vats: [{ type: 'vat22', sum: 2704.92 }],
          total: 15000.0,
          internet: true,
          additional_user_props: orderNumber,
        },
      },
    });
    // After the partial return of 5.d: 10 000,00 offset, VAT 1 803,28.
    const rest = bodyOf(workedExamples.settlementAfterPartialReturn, 'uslugi:order:10482:settlement:1', '09.02.2026 18:30:00').body.receipt;
    expect(rest).toMatchObject({ items: [{ price: 10000, sum: 10000, vat: { type: 'vat22', sum: 1803.28 } }], payments: [{ type: 2, sum: 10000 }], vats: [{ type: 'vat22', sum: 1803.28 }], total: 10000 });
  });

  it('5.c surcharge by card after the work → sell, full_payment, hours (measure 71), paid electronically', () => {
    expect(bodyOf(workedExamples.surcharge, 'uslugi:invoice:771:surcharge:1', '12.02.2026 10:15:42')).toEqual({
      operation: 'sell',
      body: {
        external_id: 'uslugi:invoice:771:surcharge:1',
        timestamp: '12.02.2026 10:15:42',
        service: { callback_url: CALLBACK },
        receipt: {
          client,
          company,
          items: [
            {
              name: 'Дополнительные часы работ (заказ 10482)',
              price: 2500.0,
              quantity: 2,
              measure: 71,
              sum: 5000.0,
              payment_method: 'full_payment',
              payment_object: 4,
              vat: { type: 'vat22', sum: 901.64 },
            },
          ],
          payments: [{ type: 1, sum: 5000.0 }],
          vats: [{ type: 'vat22', sum: 901.64 }],
          total: 5000.0,
          internet: true,
          additional_user_props: orderNumber,
        },
      },
    });
  });

  it('5.d partial return of the prepayment → sell_refund, full_prepayment, vat122 (no callback url: no service)', () => {
    expect(bodyOf(workedExamples.prepaymentReturn, 'uslugi:refund:311:return:1', '07.02.2026 16:02:10', null)).toEqual({
      operation: 'sell_refund',
      body: {
        external_id: 'uslugi:refund:311:return:1',
        timestamp: '07.02.2026 16:02:10',
        receipt: {
          client,
          company,
          items: [
            {
              name: 'Настройка сервера, пакет 8 ч (частичный возврат предоплаты)',
              price: 5000.0,
              quantity: 1,
              measure: 0,
              sum: 5000.0,
              payment_method: 'full_prepayment',
              payment_object: 4,
              vat: { type: 'vat122', sum: 901.64 },
            },
          ],
          payments: [{ type: 1, sum: 5000.0 }],
          vats: [{ type: 'vat122', sum: 901.64 }],
          total: 5000.0,
          internet: true,
          additional_user_props: orderNumber,
        },
      },
    });
  });

  it('5.e return after the settlement → sell_refund, full_payment, vat22', () => {
    expect(bodyOf(workedExamples.settlementReturn, 'uslugi:refund:318:return:1', '16.02.2026 11:40:00', null)).toEqual({
      operation: 'sell_refund',
      body: {
        external_id: 'uslugi:refund:318:return:1',
        timestamp: '16.02.2026 11:40:00',
        receipt: {
          client,
          company,
          items: [
            {
              name: 'Настройка сервера (возврат части стоимости)',
              price: 3000.0,
              quantity: 1,
              measure: 0,
              sum: 3000.0,
              payment_method: 'full_payment',
              payment_object: 4,
              vat: { type: 'vat22', sum: 540.98 },
            },
          ],
          payments: [{ type: 1, sum: 3000.0 }],
          vats: [{ type: 'vat22', sum: 540.98 }],
          total: 3000.0,
          internet: true,
          additional_user_props: orderNumber,
        },
      },
    });
  });
});

describe('atolRequest: every tax system × VAT rate', () => {
  const SNO: TaxSystem[] = ['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent'];
  // nominal rate → [type on a prepayment line, on a settlement line]
  const TYPES: [VatRate, string, string][] = [
    ['none', 'none', 'none'],
    ['vat0', 'vat0', 'vat0'],
    ['vat5', 'vat105', 'vat5'],
    ['vat7', 'vat107', 'vat7'],
    ['vat10', 'vat110', 'vat10'],
    ['vat22', 'vat122', 'vat22'],
  ];
  const cases = SNO.flatMap((sno) => TYPES.map(([vat, prepaymentType, fullType]) => [sno, vat, prepaymentType, fullType] as const));

  it.each(cases)('%s, %s: prepayment and its return show %s, settlement, surcharge and their returns %s', (sno, vat, prepaymentType, fullType) => {
    const seller: Seller = { ...exampleSeller, taxSystem: sno };
    const service = { title: 'Аудит', priceKopecks: 1_234_567, vat };
    const events: [MoneyEvent, string][] = [
      [{ kind: 'order_paid', reference: 'A-1', service }, prepaymentType],
      [{ kind: 'money_returned', reference: 'A-1', amountKopecks: 1_234_567, reverses: 'prepayment_100', line: { title: 'Аудит', measure: 'piece', vat } }, prepaymentType],
      [{ kind: 'order_completed', reference: 'A-1', service }, fullType],
      [{ kind: 'invoice_paid', reference: 'A-1', hours: { title: 'Часы', hours: 1.5, hourlyRateKopecks: 300_000, vat }, paidWith: 'cash' }, fullType],
      [{ kind: 'money_returned', reference: 'A-1', amountKopecks: 100, reverses: 'full', line: { title: 'Аудит', measure: 'piece', vat } }, fullType],
    ];
    for (const [event, type] of events) {
      const document = receiptForEvent(event, seller, exampleBuyer);
      const { receipt } = atolRequest(document, 'x', { callbackUrl: null, at: new Date('2026-02-05T09:00:00Z') });
      expect(receipt.company.sno).toBe(sno);
      expect(receipt.items[0]!.vat.type).toBe(type);
      if (vat === 'none') {
        expect(receipt.items[0]!.vat).toEqual({ type: 'none' });
        expect(receipt).not.toHaveProperty('vats');
      } else {
        expect(receipt.items[0]!.vat.sum).toBe(document.lines[0]!.vatKopecks / 100);
        expect(receipt.vats).toEqual([{ type, sum: document.lines[0]!.vatKopecks / 100 }]);
      }
    }
  });

  it('sends cash as payment type 0 and a phone contact as client.phone', () => {
    const document = receiptForEvent({ ...workedExamples.surcharge, paidWith: 'cash' }, exampleSeller, { phone: '+79251234567' });
    const { receipt } = atolRequest(document, 'x', { callbackUrl: null, at: new Date('2026-02-12T07:15:42Z') });
    expect(receipt.payments).toEqual([{ type: 0, sum: 5000 }]);
    expect(receipt.client).toEqual({ phone: '+79251234567' });
  });

  it('writes the timestamp in Moscow time whatever the moment’s zone', () => {
    const document = receiptForEvent(workedExamples.prepayment, exampleSeller, exampleBuyer);
    expect(atolRequest(document, 'x', { callbackUrl: null, at: new Date('2025-12-31T21:00:00Z') }).timestamp).toBe('01.01.2026 00:00:00');
  });

  it('keeps kopecks exact as JSON numbers', () => {
    const document = receiptForEvent({ kind: 'order_paid', reference: 'A-1', service: { title: 'Мелочь', priceKopecks: 29, vat: 'vat22' } }, exampleSeller, exampleBuyer);
    expect(JSON.stringify(atolRequest(document, 'x', { callbackUrl: null, at: new Date() }).receipt.items[0])).toContain('"price":0.29,"quantity":1,"measure":0,"sum":0.29');
  });

  it('refuses a document that breaks an invariant instead of sending it', () => {
    const document = receiptForEvent(workedExamples.prepayment, exampleSeller, exampleBuyer);
    document.totalKopecks += 1;
    expect(() => atolRequest(document, 'x', { callbackUrl: null, at: new Date() })).toThrow(ReceiptRuleError);
  });
});
