import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AtolSandbox, createAtolSandbox } from '../../../sandbox/atol/index.js';
import type { MoneyEvent } from '../../domain/receipts/money-event.js';
import type { ReceiptDocument } from '../../domain/receipts/receipt.js';
import { receiptForEvent } from '../../domain/receipts/receipt-rules.js';
import { exampleBuyer, exampleSeller, workedExamples } from '../../domain/receipts/worked-examples.js';
import type { CashRegister } from '../cash-register.js';
import { type AtolConfig, createAtolCashRegister } from './client.js';

// The ATOL adapter against the ATOL sandbox over real HTTP on loopback: every operation and every
// way it can go wrong (docs/atol-protocol.md#errors). The sandbox's clock stands still; only
// advanceClock() moves it, so "done after 1 500 ms" is exact.

const LOGIN = 'uslugi-test';
const PASSWORD = 'uslugi-test-password-7f3a';
const GROUP = 'uslugi-test_1';
const START = new Date('2026-02-05T09:00:00Z'); // 12:00 Moscow
const AT = new Date('2026-02-05T09:00:01Z');

let sandbox: AtolSandbox;
let calls: string[];
let logged: unknown[];
let clientNow: number;
let counter = 0;

/** fetch that records "METHOD /path" of every call and lets it through. */
const recordingFetch: typeof fetch = (input, init) => {
  calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace('/possystem/v5', '')}`);
  return fetch(input, init);
};

const log = { info: (...args: unknown[]) => void logged.push(args), warn: (...args: unknown[]) => void logged.push(args) };

function register(overrides: Partial<AtolConfig> = {}): CashRegister {
  const config: AtolConfig = { apiUrl: sandbox.apiUrl, login: LOGIN, password: PASSWORD, groupCode: GROUP, timeoutMs: 2000, ...overrides };
  return createAtolCashRegister(config, { fetch: recordingFetch, now: () => clientNow, log: log as never });
}

const prepayment = (): ReceiptDocument => receiptForEvent(workedExamples.prepayment, exampleSeller, exampleBuyer);
const refund = (): ReceiptDocument => receiptForEvent(workedExamples.prepaymentReturn, exampleSeller, exampleBuyer);
const nextId = (kind = 'prepayment') => `uslugi:order:${process.pid}-${++counter}:${kind}:1`;
const options = { callbackUrl: null, at: AT };

beforeAll(async () => {
  const base = START.getTime();
  sandbox = createAtolSandbox({
    groups: [
      { login: LOGIN, password: PASSWORD, groupCode: GROUP, inn: exampleSeller.inn },
      { login: 'someone-else', password: 'x', groupCode: 'someone-else_1' },
    ],
    now: () => base,
    doneAfterMs: 1500,
    callbacks: false,
  });
  await sandbox.listen();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  calls = [];
  logged = [];
  clientNow = START.getTime();
});

afterEach(() => {
  sandbox.resetFaults();
});

describe('register → report', () => {
  it('sell: accepted, wait while queued, then done with the fiscal attributes', async () => {
    const atol = register();
    const externalId = nextId();
    const answer = await atol.register(prepayment(), externalId, { callbackUrl: 'https://shop.example.ru/receipts/atol/callback', at: AT });
    expect(answer).toEqual({ kind: 'accepted', uuid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const uuid = (answer as { uuid: string }).uuid;

    const stored = sandbox.receipt(uuid)!;
    expect(stored).toMatchObject({ operation: 'sell', externalId, status: 'wait', callbackUrl: 'https://shop.example.ru/receipts/atol/callback' });
    expect(stored.request).toMatchObject({ timestamp: '05.02.2026 12:00:01', receipt: { total: 15000, items: [{ payment_method: 'full_prepayment', vat: { type: 'vat122', sum: 2704.92 } }] } });

    expect(await atol.report(uuid)).toEqual({ kind: 'wait' });
    await sandbox.advanceClock(1500);
    const report = await atol.report(uuid);
    const payload = sandbox.receipt(uuid)!.payload!;
    expect(report).toEqual({
      kind: 'done',
      fiscal: {
        fiscalReceiptNumber: payload.fiscal_receipt_number,
        shiftNumber: payload.shift_number,
        fnNumber: payload.fn_number,
        fiscalDocumentNumber: payload.fiscal_document_number,
        fiscalDocumentAttribute: payload.fiscal_document_attribute,
        registeredAt: new Date('2026-02-05T09:00:01Z'),
        ofdReceiptUrl: payload.ofd_receipt_url,
        totalKopecks: 1_500_000,
        registerNumber: payload.ecr_registration_number,
      },
    });
    // One token for the three calls.
    expect(calls).toEqual(['POST /getToken', `POST /${GROUP}/sell`, `GET /${GROUP}/report/${uuid}`, `GET /${GROUP}/report/${uuid}`]);
  });

  it('sell_refund: a refund is registered as sell_refund and reaches done', async () => {
    const atol = register();
    const answer = await atol.register(refund(), nextId('return'), options);
    expect(answer.kind).toBe('accepted');
    const uuid = (answer as { uuid: string }).uuid;
    expect(sandbox.receipt(uuid)).toMatchObject({ operation: 'sell_refund', request: { receipt: { items: [{ payment_method: 'full_prepayment', vat: { type: 'vat122' } }] } } });
    await sandbox.advanceClock(1500);
    expect(await atol.report(uuid)).toMatchObject({ kind: 'done', fiscal: { totalKopecks: 500_000 } });
  });

  it('every kind of receipt passes the sandbox validation', async () => {
    const atol = register();
    const events = [workedExamples.prepayment, workedExamples.settlement, workedExamples.settlementAfterPartialReturn, workedExamples.surcharge, workedExamples.prepaymentReturn, workedExamples.settlementReturn];
    for (const event of events) {
      for (const taxSystem of ['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent'] as const) {
        const answer = await atol.register(receiptForEvent(event, { ...exampleSeller, taxSystem }, { phone: '+79251234567' }), nextId(), options);
        expect(answer.kind, `${event.kind} ${taxSystem}`).toBe('accepted');
      }
    }
    const cash = receiptForEvent({ ...workedExamples.surcharge, paidWith: 'cash' }, exampleSeller, exampleBuyer);
    expect((await atol.register(cash, nextId(), options)).kind).toBe('accepted');
  });

  it('report of a uuid the register does not know → not_found', async () => {
    expect(await register().report('00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'not_found' });
  });

  it('fail planned by failNext → report fail with the register code and text', async () => {
    const atol = register();
    sandbox.setFaults({ failNext: { code: 243, text: 'Некорректная сумма налога', type: 'driver' } });
    const answer = await atol.register(prepayment(), nextId(), options);
    await sandbox.advanceClock(1500);
    expect(await atol.report((answer as { uuid: string }).uuid)).toEqual({ kind: 'fail', error: { code: 243, text: 'Некорректная сумма налога' } });
  });

  it('a company INN not the group’s → fail 2009 after processing', async () => {
    const atol = register();
    const answer = await atol.register(receiptForEvent(workedExamples.prepayment, { ...exampleSeller, inn: '7711111111' }, exampleBuyer), nextId(), options);
    expect(answer.kind).toBe('accepted');
    await sandbox.advanceClock(1500);
    expect(await atol.report((answer as { uuid: string }).uuid)).toMatchObject({ kind: 'fail', error: { code: 2009 } });
  });
});

describe('tokens', () => {
  it('keeps the token across calls and instances share nothing', async () => {
    const atol = register();
    await atol.register(prepayment(), nextId(), options);
    await atol.register(prepayment(), nextId(), options);
    expect(calls.filter((call) => call === 'POST /getToken')).toHaveLength(1);
  });

  it('asks for one token when calls start together', async () => {
    const atol = register();
    const answers = await Promise.all([1, 2, 3, 4].map(() => atol.register(prepayment(), nextId(), options)));
    expect(answers.every((answer) => answer.kind === 'accepted')).toBe(true);
    expect(calls.filter((call) => call === 'POST /getToken')).toHaveLength(1);
  });

  it('token expired early (code 11) → one new token, the call repeated once, success', async () => {
    const atol = register();
    await atol.register(prepayment(), nextId(), options);
    sandbox.expireTokens();
    calls = [];
    const externalId = nextId();
    expect((await atol.register(prepayment(), externalId, options)).kind).toBe('accepted');
    expect(calls).toEqual([`POST /${GROUP}/sell`, 'POST /getToken', `POST /${GROUP}/sell`]);
    expect(sandbox.receipts().filter((receipt) => receipt.externalId === externalId)).toHaveLength(1);
  });

  it('the same for a report', async () => {
    const atol = register();
    const answer = await atol.register(prepayment(), nextId(), options);
    sandbox.expireTokens();
    calls = [];
    expect(await atol.report((answer as { uuid: string }).uuid)).toEqual({ kind: 'wait' });
    expect(calls.map((call) => call.split('/report/')[0])).toEqual([`GET /${GROUP}`, 'POST /getToken', `GET /${GROUP}`]);
  });

  it('a token older than 24 h is replaced before it is sent', async () => {
    const atol = register();
    await atol.register(prepayment(), nextId(), options);
    clientNow += 24 * 60 * 60 * 1000;
    calls = [];
    await atol.register(prepayment(), nextId(), options);
    expect(calls).toEqual(['POST /getToken', `POST /${GROUP}/sell`]);
  });

  it('does not ask for a new token on other errors', async () => {
    const atol = register();
    await atol.register(prepayment(), nextId(), options);
    calls = [];
    sandbox.setFaults({ serverError: 1 });
    await atol.register(prepayment(), nextId(), options);
    await atol.register(receiptForEvent(workedExamples.prepayment, exampleSeller, { email: 'not-an-email' }), nextId(), options);
    expect(calls).not.toContain('POST /getToken');
  });

  it('wrong password → unavailable naming the settings, one getToken per call, no loop', async () => {
    const atol = register({ password: 'wrong' });
    const answer = await atol.register(prepayment(), nextId(), options);
    expect(answer).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/login and password.*ATOL error 12/) });
    expect(calls).toEqual(['POST /getToken']);
  });

  it('a group the login does not own (code 20) → unavailable naming the settings', async () => {
    const answer = await register({ groupCode: 'someone-else_1' }).register(prepayment(), nextId(), options);
    expect(answer).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/ATOL settings.*ATOL error 20/) });
  });
});

describe('refusals and outages', () => {
  it('the same external id twice → duplicate with the earlier uuid; nothing new registered', async () => {
    const atol = register();
    const externalId = nextId();
    const first = await atol.register(prepayment(), externalId, options);
    const again = await atol.register(prepayment(), externalId, options);
    expect(again).toEqual({ kind: 'duplicate', uuid: (first as { uuid: string }).uuid });
    // Any operation: a refund under a sale's external id is a duplicate too.
    expect((await atol.register(refund(), externalId, options)).kind).toBe('duplicate');
    expect(sandbox.receipts().filter((receipt) => receipt.externalId === externalId)).toHaveLength(1);
  });

  it('a lost answer after registration → unavailable; the resend → duplicate with the uuid', async () => {
    const atol = register();
    await atol.register(prepayment(), nextId(), options); // token first: the drop hits the registration
    sandbox.setFaults({ dropAfterRegister: 1 });
    const externalId = nextId();
    expect(await atol.register(prepayment(), externalId, options)).toEqual({ kind: 'unavailable', reason: 'network error' });
    const stored = sandbox.receiptByExternalId(GROUP, externalId)!;
    expect(await atol.register(prepayment(), externalId, options)).toEqual({ kind: 'duplicate', uuid: stored.uuid });
  });

  it('validation error (code 32) → rejected with the register’s code and text', async () => {
    const answer = await register().register(receiptForEvent(workedExamples.prepayment, exampleSeller, { email: 'not-an-email' }), nextId(), options);
    expect(answer).toEqual({
      kind: 'rejected',
      error: { code: 32, text: 'Ошибка валидации входящего чека. Ошибочные поля : PatternMismatch: #/receipt/client/email' },
    });
  });

  it('register down (connection reset) → unavailable', async () => {
    const atol = register();
    sandbox.setFaults({ down: 'reset' });
    expect(await atol.register(prepayment(), nextId(), options)).toEqual({ kind: 'unavailable', reason: 'network error' });
    expect(await atol.report('00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'unavailable', reason: 'network error' });
  });

  it('register down (connection refused) → unavailable', async () => {
    const atol = register();
    sandbox.setFaults({ down: 'refuse' });
    try {
      expect(await atol.register(prepayment(), nextId(), options)).toEqual({ kind: 'unavailable', reason: 'network error' });
    } finally {
      sandbox.setFaults({ down: false });
    }
  });

  it('500 code 50 → unavailable with the code; a proxy’s 502/503/504 page → unavailable', async () => {
    const atol = register();
    await atol.register(prepayment(), nextId(), options);
    sandbox.setFaults({ serverError: 1 });
    expect(await atol.register(prepayment(), nextId(), options)).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/^ATOL error 50/) });
    for (const status of [502, 503, 504]) {
      sandbox.setFaults({ serverError: 1, serverErrorStatus: status });
      expect(await atol.register(prepayment(), nextId(), options)).toEqual({ kind: 'unavailable', reason: `HTTP ${status} without JSON` });
      sandbox.setFaults({ serverError: 1, serverErrorStatus: status });
      expect(await atol.report('00000000-0000-4000-8000-000000000000')).toEqual({ kind: 'unavailable', reason: `HTTP ${status} without JSON` });
    }
  });

  it('slow register → unavailable after the timeout', async () => {
    const atol = register({ timeoutMs: 100 });
    sandbox.setFaults({ slowMs: 400 });
    expect(await atol.register(prepayment(), nextId(), options)).toEqual({ kind: 'unavailable', reason: 'timeout after 100 ms' });
  });

  it('stuck in wait → wait, then the queue timeout → fail with type timeout', async () => {
    const atol = register();
    sandbox.setFaults({ stuckInWait: true });
    const answer = await atol.register(prepayment(), nextId(), options);
    const uuid = (answer as { uuid: string }).uuid;
    await sandbox.advanceClock(60_000);
    expect(await atol.report(uuid)).toEqual({ kind: 'wait' });
    await sandbox.advanceClock(300_000);
    expect(await atol.report(uuid)).toEqual({ kind: 'fail', error: { code: 1, text: expect.stringContaining('Превышено время ожидания') } });
  });
});

describe('logs', () => {
  it('carry no password, token or buyer contact', async () => {
    const atol = register();
    const answer = await atol.register(prepayment(), nextId(), options);
    sandbox.expireTokens();
    await atol.report((answer as { uuid: string }).uuid);
    await atol.register(receiptForEvent(workedExamples.prepayment, exampleSeller, { email: 'not-an-email' }), nextId(), options);
    await register({ password: 'wrong-secret-password' }).register(prepayment(), nextId(), options);
    const text = JSON.stringify(logged);
    expect(logged.length).toBeGreaterThan(0);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('wrong-secret-password');
    expect(text).not.toContain('client@mail.example');
    expect(text).not.toContain('not-an-email');
    expect(text).not.toMatch(/[A-Za-z0-9_-]{100,}/); // a token is 128 characters
  });
});

describe('what the reference leaves open (UNVERIFIED), as the sandbox can switch it', () => {
  async function withSandbox(options: Partial<Parameters<typeof createAtolSandbox>[0]>, test: (atol: CashRegister, other: AtolSandbox) => Promise<void>) {
    const other = createAtolSandbox({ groups: [{ login: LOGIN, password: PASSWORD, groupCode: GROUP, inn: exampleSeller.inn }], callbacks: false, ...options });
    await other.listen();
    try {
      await test(createAtolCashRegister({ apiUrl: other.apiUrl, login: LOGIN, password: PASSWORD, groupCode: GROUP, timeoutMs: 2000 }), other);
    } finally {
      await other.close();
    }
  }

  it('code 33 without the earlier uuid → duplicate with uuid null', async () => {
    await withSandbox({ duplicateExternalId: 'error-without-uuid' }, async (atol) => {
      const externalId = nextId();
      await atol.register(prepayment(), externalId, options);
      expect(await atol.register(prepayment(), externalId, options)).toEqual({ kind: 'duplicate', uuid: null });
    });
  });

  it('a known external id answered 200 with the earlier uuid → accepted with that uuid', async () => {
    await withSandbox({ duplicateExternalId: 'return-existing' }, async (atol) => {
      const externalId = nextId();
      const first = await atol.register(prepayment(), externalId, options);
      expect(await atol.register(prepayment(), externalId, options)).toEqual(first);
    });
  });

  it('a strict register (calculated rate required on prepayment lines) accepts every receipt we make', async () => {
    await withSandbox({ strict: true }, async (atol) => {
      for (const event of Object.values(workedExamples)) {
        for (const vat of ['none', 'vat0', 'vat5', 'vat7', 'vat10', 'vat22'] as const) {
          const withVat: MoneyEvent = structuredClone(event);
          if (withVat.kind === 'order_paid' || withVat.kind === 'order_completed') withVat.service.vat = vat;
          if (withVat.kind === 'invoice_paid') withVat.hours.vat = vat;
          if (withVat.kind === 'money_returned') withVat.line.vat = vat;
          const answer = await atol.register(receiptForEvent(withVat, exampleSeller, exampleBuyer), nextId(), options);
          expect(answer.kind, `${event.kind} ${vat}`).toBe('accepted');
        }
      }
    });
  });

  it('the timeout failure with code -1 is still a fail', async () => {
    await withSandbox({ timeoutErrorCode: -1, faults: { stuckInWait: true }, now: () => START.getTime() }, async (atol, other) => {
      const answer = await atol.register(prepayment(), nextId(), options);
      await other.advanceClock(300_000);
      expect(await atol.report((answer as { uuid: string }).uuid)).toMatchObject({ kind: 'fail', error: { code: -1 } });
    });
  });
});
