import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, TIMESTAMP, UUID, correction, frozenAt, prepayment, startKit } from './test-kit.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases poke at arbitrary JSON on purpose */
type Body = any;

const PREFIX = 'Ошибка валидации входящего чека. Ошибочные поля : ';

async function expectRejected(kit: Kit, operation: string, body: Body, fields: string): Promise<void> {
  const before = kit.sandbox.receipts().length;
  const answer = await kit.register(operation, body);
  expect(answer.http, answer.text).toBe(400);
  expect(answer.body).toEqual({
    error: { error_id: expect.stringMatching(UUID), code: 32, text: `${PREFIX}${fields}`, type: 'system' },
    status: 'fail',
    timestamp: expect.stringMatching(TIMESTAMP),
  });
  expect(kit.sandbox.receipts()).toHaveLength(before);
}

async function expectAccepted(kit: Kit, operation: string, body: Body): Promise<void> {
  const answer = await kit.register(operation, body);
  expect(answer.http, answer.text).toBe(200);
  expect(answer.body.status).toBe('wait');
}

const sell = (change: (body: Body) => void): Body => {
  const body: Body = prepayment();
  change(body);
  return body;
};
const fix = (change: (body: Body) => void): Body => {
  const body: Body = correction();
  change(body);
  return body;
};
const item = (body: Body) => body.receipt.items[0];

/** [what, body, the "Ошибочные поля" text] — each one field of docs/atol-protocol.md#receipt-body broken. */
const SELL_CASES: [string, Body, string][] = [
  ['external_id missing', sell((b) => delete b.external_id), 'PropertyRequired: #/external_id'],
  ['external_id over 128', sell((b) => (b.external_id = 'x'.repeat(129))), 'StringTooLong: #/external_id'],
  ['timestamp ISO', sell((b) => (b.timestamp = '2026-02-05T12:00:01')), 'PatternMismatch: #/timestamp'],
  ['timestamp no such date', sell((b) => (b.timestamp = '31.02.2026 12:00:00')), 'PatternMismatch: #/timestamp'],
  ['timestamp after 24:00:00', sell((b) => (b.timestamp = '05.02.2026 24:00:01')), 'PatternMismatch: #/timestamp'],
  ['timestamp missing', sell((b) => delete b.timestamp), 'PropertyRequired: #/timestamp'],
  ['callback_url over 256', sell((b) => (b.service = { callback_url: `https://shop.example.ru/${'a'.repeat(250)}` })), 'StringTooLong: #/service/callback_url'],
  ['source_id over 9', sell((b) => (b.source_id = 10)), 'NumberTooBig: #/source_id'],
  ['receipt missing', sell((b) => delete b.receipt), 'PropertyRequired: #/receipt'],
  ['client missing', sell((b) => delete b.receipt.client), 'PropertyRequired: #/receipt/client'],
  ['client without e-mail and phone', sell((b) => (b.receipt.client = { name: 'Иван' })), 'PropertyRequired: #/receipt/client/email'],
  ['client e-mail malformed', sell((b) => (b.receipt.client.email = 'client.mail.example')), 'PatternMismatch: #/receipt/client/email'],
  ['client phone with spaces', sell((b) => (b.receipt.client = { phone: '+7 925 123-45-67' })), 'PatternMismatch: #/receipt/client/phone'],
  ['client inn 11 digits', sell((b) => (b.receipt.client.inn = '12345678901')), 'PatternMismatch: #/receipt/client/inn'],
  ['company missing', sell((b) => delete b.receipt.company), 'PropertyRequired: #/receipt/company'],
  ['company e-mail missing', sell((b) => delete b.receipt.company.email), 'PropertyRequired: #/receipt/company/email'],
  ['company inn malformed', sell((b) => (b.receipt.company.inn = '77000')), 'PatternMismatch: #/receipt/company/inn'],
  ['company inn missing', sell((b) => delete b.receipt.company.inn), 'PropertyRequired: #/receipt/company/inn'],
  ['company sno unknown', sell((b) => (b.receipt.company.sno = 'usn')), 'NotInEnumeration: #/receipt/company/sno'],
  ['payment_address missing', sell((b) => delete b.receipt.company.payment_address), 'PropertyRequired: #/receipt/company/payment_address'],
  ['payment_address not the site', sell((b) => (b.receipt.company.payment_address = 'г. Москва, ул. Тверская, 1')), 'PatternMismatch: #/receipt/company/payment_address'],
  ['internet missing', sell((b) => delete b.receipt.internet), 'PropertyRequired: #/receipt/internet'],
  ['internet false', sell((b) => (b.receipt.internet = false)), 'NotInEnumeration: #/receipt/internet'],
  ['internet as a string', sell((b) => (b.receipt.internet = 'true')), 'BooleanExpected: #/receipt/internet'],
  ['items empty', sell((b) => (b.receipt.items = [])), 'TooFewItems: #/receipt/items'],
  ['items over 100', sell((b) => (b.receipt.items = Array.from({ length: 101 }, () => item(b)))), 'TooManyItems: #/receipt/items'],
  ['item name over 128', sell((b) => (item(b).name = 'у'.repeat(129))), 'StringTooLong: #/receipt/items/0/name'],
  ['measure as v4 string', sell((b) => (item(b).measure = 'шт')), 'IntegerExpected: #/receipt/items/0/measure'],
  ['measure missing', sell((b) => delete item(b).measure), 'PropertyRequired: #/receipt/items/0/measure'],
  ['measure not a code', sell((b) => (item(b).measure = 5)), 'NotInEnumeration: #/receipt/items/0/measure'],
  ['payment_object as v4 string', sell((b) => (item(b).payment_object = 'service')), 'IntegerExpected: #/receipt/items/0/payment_object'],
  ['payment_object fractional', sell((b) => (item(b).payment_object = 4.5)), 'IntegerExpected: #/receipt/items/0/payment_object'],
  ['payment_object 28', sell((b) => (item(b).payment_object = 28)), 'NotInEnumeration: #/receipt/items/0/payment_object'],
  ['payment_method unknown', sell((b) => (item(b).payment_method = 'prepayment_full')), 'NotInEnumeration: #/receipt/items/0/payment_method'],
  ['vat missing', sell((b) => delete item(b).vat), 'PropertyRequired: #/receipt/items/0/vat'],
  ['vat type vat18', sell((b) => (item(b).vat.type = 'vat18')), 'NotInEnumeration: #/receipt/items/0/vat/type'],
  ['price as a string', sell((b) => (item(b).price = '15000.00')), 'NumberExpected: #/receipt/items/0/price'],
  ['price with 3 decimals', sell((b) => (item(b).price = 15000.001)), 'NumberNotMultipleOf: #/receipt/items/0/price'],
  ['price over the maximum', sell((b) => (item(b).price = 42_949_673)), 'NumberTooBig: #/receipt/items/0/price'],
  ['quantity 0', sell((b) => (item(b).quantity = 0)), 'NumberTooSmall: #/receipt/items/0/quantity'],
  ['quantity with 4 decimals', sell((b) => (item(b).quantity = 1.0001)), 'NumberNotMultipleOf: #/receipt/items/0/quantity'],
  ['payments empty', sell((b) => (b.receipt.payments = [])), 'TooFewItems: #/receipt/payments'],
  ['payment type 10', sell((b) => (b.receipt.payments[0].type = 10)), 'NumberTooBig: #/receipt/payments/0/type'],
  ['vats over 6', sell((b) => (b.receipt.vats = Array.from({ length: 7 }, () => ({ type: 'vat122', sum: 0 })))), 'TooManyItems: #/receipt/vats'],
  ['total missing', sell((b) => delete b.receipt.total), 'PropertyRequired: #/receipt/total'],
  // Sums (docs/atol-protocol.md#sandbox-model): the KKT would refuse these.
  ['line sum ≠ price × quantity', sell((b) => (item(b).quantity = 2)), 'SumMismatch: #/receipt/items/0/sum'],
  [
    'total ≠ Σ lines',
    sell((b) => {
      b.receipt.total = 15000.01;
      b.receipt.payments[0].sum = 15000.01;
    }),
    'TotalMismatch: #/receipt/total',
  ],
  ['Σ payments ≠ total', sell((b) => (b.receipt.payments = [{ type: 1, sum: 10000 }, { type: 2, sum: 4000 }])), 'PaymentsSumMismatch: #/receipt/payments'],
  ['line VAT off by a kopeck', sell((b) => (item(b).vat.sum = 2704.91)), 'VatSumMismatch: #/receipt/items/0/vat/sum'],
  ['line VAT at the wrong rate', sell((b) => (item(b).vat.sum = 2500)), 'VatSumMismatch: #/receipt/items/0/vat/sum'],
  ['receipt VAT wrong', sell((b) => (b.receipt.vats[0].sum = 2705)), 'VatSumMismatch: #/receipt/vats/0/sum'],
  ['receipt VAT of a rate no line has', sell((b) => (b.receipt.vats = [{ type: 'vat22', sum: 2704.92 }])), 'VatTypeMismatch: #/receipt/vats/0/type'],
  ['receipt VAT rate twice', sell((b) => b.receipt.vats.push({ type: 'vat122', sum: 2704.92 })), 'VatTypeMismatch: #/receipt/vats/1/type'],
  [
    'several problems, all named',
    sell((b) => {
      delete b.receipt.client;
      item(b).measure = 'час';
    }),
    'PropertyRequired: #/receipt/client, IntegerExpected: #/receipt/items/0/measure',
  ],
];

const CORRECTION_CASES: [string, Body, string][] = [
  ['correction_info missing', fix((b) => delete b.correction.correction_info), 'PropertyRequired: #/correction/correction_info'],
  ['correction type unknown', fix((b) => (b.correction.correction_info.type = 'auto')), 'NotInEnumeration: #/correction/correction_info/type'],
  ['base_date ISO', fix((b) => (b.correction.correction_info.base_date = '2026-02-05')), 'PatternMismatch: #/correction/correction_info/base_date'],
  [
    'instruction without base_number',
    fix((b) => (b.correction.correction_info = { type: 'instruction', base_date: '05.02.2026' })),
    'PropertyRequired: #/correction/correction_info/base_number',
  ],
  ['correction items missing (v4 shape)', fix((b) => delete b.correction.items), 'PropertyRequired: #/correction/items'],
  ['correction line sum', fix((b) => (b.correction.items[0].sum = 8000.5)), 'SumMismatch: #/correction/items/0/sum, VatSumMismatch: #/correction/items/0/vat/sum, TotalMismatch: #/correction/total'],
];

describe('v5 body validation (400 code 32, nothing registered)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('the worked examples pass', async () => {
    await expectAccepted(kit, 'sell', prepayment());
    await expectAccepted(kit, 'sell_correction', correction());
  });

  it.each(SELL_CASES)('sell: %s', async (_what, body, fields) => {
    await expectRejected(kit, 'sell', body, fields);
  });

  it.each(CORRECTION_CASES)('sell_correction: %s', async (_what, body, fields) => {
    await expectRejected(kit, 'sell_correction', body, fields);
  });

  it('accepted edge cases: 24:00:00, one payment without sum, rounding half up, item VAT left out, client-less correction, mixed payment', async () => {
    await expectAccepted(kit, 'sell', sell((b) => (b.timestamp = '05.02.2026 24:00:00')));
    await expectAccepted(kit, 'sell', sell((b) => delete b.receipt.payments[0].sum));
    // 333.33 × 1.5 = 499.995 → 500.00
    const halfUp = (sum: number) =>
      sell((b) => {
        Object.assign(item(b), { price: 333.33, quantity: 1.5, sum, vat: { type: 'none' } });
        b.receipt.total = sum;
        b.receipt.payments = [{ type: 1, sum }];
        delete b.receipt.vats;
      });
    await expectAccepted(kit, 'sell', halfUp(500));
    // Binary noise is not a third decimal: 0.29 × 100 = 28.999999999999996 in floating point.
    const noise = sell((b) => {
      Object.assign(item(b), { price: 0.29, quantity: 3, sum: 0.87, vat: { type: 'none' } });
      b.receipt.total = 0.87;
      b.receipt.payments = [{ type: 1, sum: 0.87 }];
      b.receipt.vats = [{ type: 'none', sum: 0 }];
    });
    await expectAccepted(kit, 'sell', noise);
    await expectRejected(kit, 'sell', halfUp(499.99), 'SumMismatch: #/receipt/items/0/sum');
    await expectAccepted(kit, 'sell', sell((b) => delete item(b).vat.sum));
    await expectAccepted(kit, 'sell_correction', fix((b) => delete b.correction.client));
    // docs/atol-protocol.md#worked-examples, 5.b: prepaid 15 000, final 17 500, the rest by card at hand-over.
    await expectAccepted(
      kit,
      'sell',
      sell((b) => {
        Object.assign(item(b), { price: 17500, sum: 17500, payment_method: 'full_payment', vat: { type: 'vat22', sum: 3155.74 } });
        b.receipt.vats = [{ type: 'vat22', sum: 3155.74 }];
        b.receipt.total = 17500;
        b.receipt.payments = [{ type: 2, sum: 15000 }, { type: 1, sum: 2500 }];
      }),
    );
  });
});

describe('validation switches', () => {
  let kit: Kit;
  afterAll(async () => {
    await kit.close();
  });

  it('requireInternetTags false: only ATOL\'s schema (internet optional, payment_address any text)', async () => {
    kit = await startKit({ requireInternetTags: false });
    await expectAccepted(kit, 'sell', sell((b) => delete b.receipt.internet));
    await expectAccepted(kit, 'sell', sell((b) => (b.receipt.company.payment_address = 'г. Москва')));
    await kit.close();
  });

  it('correctionClientRequired', async () => {
    kit = await startKit({ correctionClientRequired: true });
    await expectRejected(kit, 'sell_correction', fix((b) => delete b.correction.client), 'PropertyRequired: #/correction/client');
    await kit.close();
  });

  it('vatToleranceKopecks 1 lets a one-kopeck difference through', async () => {
    kit = await startKit({ vatToleranceKopecks: 1 });
    await expectAccepted(kit, 'sell', sell((b) => (item(b).vat.sum = 2704.91)));
    await expectRejected(kit, 'sell', sell((b) => (item(b).vat.sum = 2704.9)), 'VatSumMismatch: #/receipt/items/0/vat/sum');
    await kit.close();
  });

  it('strict: nominal VAT on a prepayment line, vat20 in 2026, advance not paired with payment_object 10', async () => {
    const nominal = sell((b) => {
      item(b).vat.type = 'vat22';
      b.receipt.vats[0].type = 'vat22';
    });
    const vat20 = sell((b) => {
      Object.assign(item(b), { payment_method: 'full_payment', vat: { type: 'vat20', sum: 2500 } });
      b.receipt.vats = [{ type: 'vat20', sum: 2500 }];
    });
    const advance = sell((b) => (item(b).payment_method = 'advance'));
    kit = await startKit();
    for (const body of [nominal, vat20, advance]) await expectAccepted(kit, 'sell', { ...body, external_id: `${body.external_id}-lenient` });
    await kit.close();

    kit = await startKit({ strict: true });
    await expectRejected(kit, 'sell', nominal, 'VatRateMismatch: #/receipt/items/0/vat/type');
    await expectRejected(kit, 'sell', vat20, 'VatRateMismatch: #/receipt/items/0/vat/type');
    await expectRejected(kit, 'sell', advance, 'PaymentObjectMismatch: #/receipt/items/0/payment_object');
    await kit.close();
  });

  it('timestampWindow: a stale or future request timestamp is refused', async () => {
    kit = await startKit({ ...frozenAt('2026-02-05T09:00:00Z'), timestampWindow: { pastMs: 24 * 3600_000, futureMs: 300_000 } });
    await expectAccepted(kit, 'sell', sell((b) => (b.timestamp = '04.02.2026 12:00:00')));
    await expectRejected(kit, 'sell', sell((b) => (b.timestamp = '04.02.2026 11:59:59')), 'TimestampOutOfRange: #/timestamp');
    await expectRejected(kit, 'sell', sell((b) => (b.timestamp = '05.02.2026 12:05:01')), 'TimestampOutOfRange: #/timestamp');
  });
});
