import { describe, expect, it } from 'vitest';
import type { MoneyEvent, Seller } from './money-event.js';
import type { ReceiptDocument, ReceiptPayment, Settlement, TaxSystem, VatRate } from './receipt.js';
import { checkReceipt, ReceiptRuleError } from './receipt-checks.js';
import { receiptForEvent } from './receipt-rules.js';
import { vatOnReceipt } from './vat.js';
import { exampleBuyer, exampleSeller, workedExamples } from './worked-examples.js';

const TAX_SYSTEMS: TaxSystem[] = ['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent'];
const VAT_RATES: VatRate[] = ['none', 'vat0', 'vat5', 'vat7', 'vat10', 'vat22'];
const CALCULATED: Partial<Record<VatRate, string>> = { vat5: 'vat5_105', vat7: 'vat7_107', vat10: 'vat10_110', vat22: 'vat22_122' };
const PERCENT: Record<VatRate, number> = { none: 0, vat0: 0, vat5: 5, vat7: 7, vat10: 10, vat22: 22 };

/** An independent reading of the VAT rule for positive sums (exact halves cannot occur with these rates). */
const expectedVat = (sum: number, rate: VatRate) => Math.round((sum * PERCENT[rate]) / (100 + PERCENT[rate]));

interface Expected {
  kind: ReceiptDocument['kind'];
  settlement: Settlement;
  payment: ReceiptPayment['kind'];
  measure: 'piece' | 'hour';
  price: number;
  quantity: number;
  sum: number;
}

/** Each money event with the receipt it must give (docs/receipts.md#which-receipt-when). */
const EVENTS: [string, (vat: VatRate) => MoneyEvent, Expected][] = [
  [
    'order paid by card',
    (vat) => ({ kind: 'order_paid', reference: 'A-1', service: { title: 'Аудит', priceKopecks: 1_234_567, vat } }),
    { kind: 'sale', settlement: 'prepayment_100', payment: 'electronic', measure: 'piece', price: 1_234_567, quantity: 1, sum: 1_234_567 },
  ],
  [
    'order completed',
    (vat) => ({ kind: 'order_completed', reference: 'A-1', service: { title: 'Аудит', priceKopecks: 1_234_567, vat } }),
    { kind: 'sale', settlement: 'full', payment: 'prepayment_offset', measure: 'piece', price: 1_234_567, quantity: 1, sum: 1_234_567 },
  ],
  [
    'surcharge paid by card',
    (vat) => ({ kind: 'invoice_paid', reference: 'A-1', hours: { title: 'Доп. часы', hours: 2.75, hourlyRateKopecks: 333_333, vat }, paidWith: 'electronic' }),
    { kind: 'sale', settlement: 'full', payment: 'electronic', measure: 'hour', price: 333_333, quantity: 2.75, sum: 916_666 },
  ],
  [
    'surcharge paid in cash',
    (vat) => ({ kind: 'invoice_paid', reference: 'A-1', hours: { title: 'Доп. часы', hours: 3, hourlyRateKopecks: 250_000, vat }, paidWith: 'cash' }),
    { kind: 'sale', settlement: 'full', payment: 'cash', measure: 'hour', price: 250_000, quantity: 3, sum: 750_000 },
  ],
  [
    'prepayment returned (cancel before the work)',
    (vat) => ({ kind: 'money_returned', reference: 'A-1', amountKopecks: 1_234_567, reverses: 'prepayment_100', line: { title: 'Аудит', measure: 'piece', vat } }),
    { kind: 'sale_refund', settlement: 'prepayment_100', payment: 'electronic', measure: 'piece', price: 1_234_567, quantity: 1, sum: 1_234_567 },
  ],
  [
    'part returned after the settlement',
    (vat) => ({ kind: 'money_returned', reference: 'A-1', amountKopecks: 400_001, reverses: 'full', line: { title: 'Аудит', measure: 'piece', vat } }),
    { kind: 'sale_refund', settlement: 'full', payment: 'electronic', measure: 'piece', price: 400_001, quantity: 1, sum: 400_001 },
  ],
];

const CASES = TAX_SYSTEMS.flatMap((taxSystem) => VAT_RATES.flatMap((vat) => EVENTS.map(([name, event, expected]) => [taxSystem, vat, name, event(vat), expected] as const)));

describe('receiptForEvent: every tax system × VAT rate × event', () => {
  it.each(CASES)('%s, %s, %s', (taxSystem, vat, _name, event, expected) => {
    const seller: Seller = { ...exampleSeller, taxSystem };
    const receipt = receiptForEvent(event, seller, exampleBuyer);

    expect(receipt.kind).toBe(expected.kind);
    expect(receipt.settlement).toBe(expected.settlement);
    expect(receipt.company).toEqual({ inn: seller.inn, email: seller.email, taxSystem, paymentAddress: seller.paymentAddress });
    expect(receipt.buyer).toEqual(exampleBuyer);
    expect(receipt.reference).toBe('A-1');
    expect(receipt.lines).toEqual([
      { name: expect.any(String), priceKopecks: expected.price, quantity: expected.quantity, measure: expected.measure, sumKopecks: expected.sum, vat, vatKopecks: expectedVat(expected.sum, vat) },
    ]);
    expect(receipt.payments).toEqual([{ kind: expected.payment, sumKopecks: expected.sum }]);
    expect(receipt.totalKopecks).toBe(expected.sum);
    // A prepayment receipt and the return of one show the calculated rate; the rest the nominal one.
    const shown = vatOnReceipt(vat, receipt.settlement);
    expect(shown).toBe(expected.settlement === 'prepayment_100' ? (CALCULATED[vat] ?? vat) : vat);
  });
});

describe('receiptForEvent: the worked examples (docs/atol-protocol.md#worked-examples)', () => {
  const receipt = (event: MoneyEvent) => receiptForEvent(event, exampleSeller, exampleBuyer);

  it('5.a prepayment 100 %: 15 000,00 by card, VAT 22/122 = 2 704,92', () => {
    const r = receipt(workedExamples.prepayment);
    expect(r).toMatchObject({ kind: 'sale', settlement: 'prepayment_100', totalKopecks: 1_500_000, payments: [{ kind: 'electronic', sumKopecks: 1_500_000 }] });
    expect(r.lines[0]).toMatchObject({ name: 'Настройка сервера, пакет 8 ч', quantity: 1, measure: 'piece', vat: 'vat22', vatKopecks: 270_492 });
  });

  it('5.b settlement: the same 15 000,00 offset, VAT 22 % = 2 704,92; 10 000,00 after a partial return', () => {
    expect(receipt(workedExamples.settlement)).toMatchObject({
      kind: 'sale',
      settlement: 'full',
      totalKopecks: 1_500_000,
      payments: [{ kind: 'prepayment_offset', sumKopecks: 1_500_000 }],
      lines: [{ sumKopecks: 1_500_000, vatKopecks: 270_492 }],
    });
    expect(receipt(workedExamples.settlementAfterPartialReturn)).toMatchObject({
      totalKopecks: 1_000_000,
      payments: [{ kind: 'prepayment_offset', sumKopecks: 1_000_000 }],
      lines: [{ priceKopecks: 1_000_000, sumKopecks: 1_000_000, vatKopecks: 180_328 }],
    });
  });

  it('5.c surcharge: 2 h × 2 500,00 by card, measured in hours, VAT 901,64', () => {
    expect(receipt(workedExamples.surcharge)).toMatchObject({
      kind: 'sale',
      settlement: 'full',
      totalKopecks: 500_000,
      payments: [{ kind: 'electronic', sumKopecks: 500_000 }],
      lines: [{ name: 'Дополнительные часы работ (заказ 10482)', priceKopecks: 250_000, quantity: 2, measure: 'hour', sumKopecks: 500_000, vatKopecks: 90_164 }],
    });
  });

  it('5.d return of part of the prepayment: a prepayment refund, VAT 901,64', () => {
    expect(receipt(workedExamples.prepaymentReturn)).toMatchObject({
      kind: 'sale_refund',
      settlement: 'prepayment_100',
      payments: [{ kind: 'electronic', sumKopecks: 500_000 }],
      lines: [{ priceKopecks: 500_000, quantity: 1, sumKopecks: 500_000, vatKopecks: 90_164 }],
    });
  });

  it('5.e return after the settlement: a full-settlement refund, VAT 540,98', () => {
    expect(receipt(workedExamples.settlementReturn)).toMatchObject({
      kind: 'sale_refund',
      settlement: 'full',
      lines: [{ sumKopecks: 300_000, vatKopecks: 54_098 }],
    });
  });
});

describe('receiptForEvent: sums and lines', () => {
  const surcharge = (hours: number, rate: number, amountKopecks?: number): MoneyEvent => ({
    kind: 'invoice_paid',
    reference: 'A-1',
    hours: { title: 'Доп. часы', hours, hourlyRateKopecks: rate, vat: 'vat22', ...(amountKopecks === undefined ? {} : { amountKopecks }) },
    paidWith: 'electronic',
  });

  it('rounds price × quantity to the kopeck, halves away from zero', () => {
    expect(receiptForEvent(surcharge(0.5, 101), exampleSeller, exampleBuyer).totalKopecks).toBe(51);
    expect(receiptForEvent(surcharge(7.5, 333_333), exampleSeller, exampleBuyer).totalKopecks).toBe(2_499_998);
    expect(receiptForEvent(surcharge(0.25, 1001), exampleSeller, exampleBuyer).totalKopecks).toBe(250);
    expect(receiptForEvent(surcharge(1.001, 100), exampleSeller, exampleBuyer).totalKopecks).toBe(100);
  });

  it('checks a surcharge against its invoice amount', () => {
    expect(receiptForEvent(surcharge(0.25, 1001, 250), exampleSeller, exampleBuyer).totalKopecks).toBe(250);
    expect(() => receiptForEvent(surcharge(0.333, 300_000, 100_000), exampleSeller, exampleBuyer)).toThrow(/not the invoice's 100000/);
  });

  it('returns whole hours of a surcharge as hours when they divide the amount, else one unit', () => {
    const returned = (amountKopecks: number, quantity?: number): MoneyEvent => ({
      kind: 'money_returned',
      reference: 'A-1',
      amountKopecks,
      reverses: 'full',
      line: { title: 'Доп. часы', measure: 'hour', vat: 'vat22', ...(quantity === undefined ? {} : { quantity }) },
    });
    expect(receiptForEvent(returned(500_000, 2), exampleSeller, exampleBuyer).lines[0]).toMatchObject({ priceKopecks: 250_000, quantity: 2, measure: 'hour', sumKopecks: 500_000 });
    expect(receiptForEvent(returned(250, 0.25), exampleSeller, exampleBuyer).lines[0]).toMatchObject({ priceKopecks: 1000, quantity: 0.25, sumKopecks: 250 });
    expect(receiptForEvent(returned(500_001, 2), exampleSeller, exampleBuyer).lines[0]).toMatchObject({ priceKopecks: 500_001, quantity: 1, sumKopecks: 500_001 });
    expect(receiptForEvent(returned(300_000), exampleSeller, exampleBuyer).lines[0]).toMatchObject({ priceKopecks: 300_000, quantity: 1 });
  });

  it('cuts a title to the 128 characters a line holds', () => {
    const event: MoneyEvent = { kind: 'order_paid', reference: 'A-1', service: { title: `  ${'Я'.repeat(200)}  `, priceKopecks: 100, vat: 'none' } };
    const name = receiptForEvent(event, exampleSeller, exampleBuyer).lines[0]!.name;
    expect(name).toHaveLength(128);
    expect(name.endsWith('…')).toBe(true);
  });

  it('passes a phone contact through', () => {
    expect(receiptForEvent(workedExamples.prepayment, exampleSeller, { phone: '+79251234567' }).buyer).toEqual({ phone: '+79251234567' });
  });
});

describe('receiptForEvent: broken facts are refused with a clear error', () => {
  const paid = (priceKopecks: number): MoneyEvent => ({ kind: 'order_paid', reference: 'A-1', service: { title: 'Аудит', priceKopecks, vat: 'vat22' } });
  it.each([
    ['a zero price', () => receiptForEvent(paid(0), exampleSeller, exampleBuyer), /above zero/],
    ['a negative price', () => receiptForEvent(paid(-100), exampleSeller, exampleBuyer), /above zero/],
    ['a fractional kopeck', () => receiptForEvent(paid(10.5), exampleSeller, exampleBuyer), /whole kopecks/],
    ['a price over the register limit', () => receiptForEvent(paid(4_294_967_296), exampleSeller, exampleBuyer), /price must be/],
    [
      'a zero return',
      () => receiptForEvent({ kind: 'money_returned', reference: 'A-1', amountKopecks: 0, reverses: 'full', line: { title: 'Аудит', measure: 'piece', vat: 'none' } }, exampleSeller, exampleBuyer),
      /above zero/,
    ],
    [
      'hours finer than 3 decimals',
      () => receiptForEvent({ kind: 'invoice_paid', reference: 'A-1', hours: { title: 'Ч', hours: 1.0001, hourlyRateKopecks: 100, vat: 'none' }, paidWith: 'cash' }, exampleSeller, exampleBuyer),
      /3 decimals/,
    ],
    ['an offset above the price', () => receiptForEvent({ ...workedExamples.settlement, prepaidKopecks: 1_500_001 }, exampleSeller, exampleBuyer), /exceeds the price/],
    ['an offset of nothing', () => receiptForEvent({ ...workedExamples.settlement, prepaidKopecks: 0 }, exampleSeller, exampleBuyer), /above zero/],
    ['no buyer contact', () => receiptForEvent(paid(100), exampleSeller, { email: ' ' }), /email or phone/],
    ['a bad seller INN', () => receiptForEvent(paid(100), { ...exampleSeller, inn: '123' }, exampleBuyer), /INN/],
    ['a place of settlement that is not the site', () => receiptForEvent(paid(100), { ...exampleSeller, paymentAddress: 'Москва' }, exampleBuyer), /site address/],
    ['no reference', () => receiptForEvent({ ...paid(100), reference: '' }, exampleSeller, exampleBuyer), /reference/],
    ['an empty title', () => receiptForEvent({ kind: 'order_paid', reference: 'A-1', service: { title: '  ', priceKopecks: 100, vat: 'none' } }, exampleSeller, exampleBuyer), /name/],
  ] as const)('%s', (_name, call, message) => {
    expect(call).toThrow(ReceiptRuleError);
    expect(call).toThrow(message);
  });
});

describe('checkReceipt: the invariants of any receipt', () => {
  const good = () => structuredClone(receiptForEvent(workedExamples.prepayment, exampleSeller, exampleBuyer));

  const broken: [string, (r: ReceiptDocument) => void, RegExp][] = [
    ['total ≠ lines', (r) => Object.assign(r, { totalKopecks: 1_400_000 }), /total/],
    ['payments ≠ total', (r) => Object.assign(r, { payments: [{ kind: 'electronic', sumKopecks: 1_000_000 }, { kind: 'electronic', sumKopecks: 400_000 }] }), /total/],
    ['sum ≠ price × quantity', (r) => Object.assign(r.lines[0]!, { sumKopecks: 1_499_999 }), /price × quantity/],
    ['VAT not from the sum', (r) => Object.assign(r.lines[0]!, { vatKopecks: 270_000 }), /VAT/],
    ['a negative payment', (r) => Object.assign(r, { payments: [{ kind: 'electronic', sumKopecks: -1_500_000 }] }), /above zero/],
    ['no lines', (r) => Object.assign(r, { lines: [] }), /1–100 lines/],
    ['no payments', (r) => Object.assign(r, { payments: [] }), /1–10 payments/],
    ['an offset on a prepayment', (r) => Object.assign(r, { payments: [{ kind: 'prepayment_offset', sumKopecks: 1_500_000 }] }), /offset/],
    ['an offset on a refund', (r) => Object.assign(r, { kind: 'sale_refund', settlement: 'full', payments: [{ kind: 'prepayment_offset', sumKopecks: 1_500_000 }] }), /offset/],
  ];

  it.each(broken)('refuses %s', (_name, breakIt, message) => {
    const receipt = good();
    breakIt(receipt);
    expect(() => checkReceipt(receipt)).toThrow(ReceiptRuleError);
    expect(() => checkReceipt(receipt)).toThrow(message);
  });

  it('passes a receipt the rules made', () => {
    expect(checkReceipt(good())).toEqual(good());
  });
});
