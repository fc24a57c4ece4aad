import { describe, expect, it } from 'vitest';
import { fiscalAttributesOf, registerAnswer, reportAnswer } from './answers.js';
import { atolCallbackUuid } from './callback.js';
import { createAtolCashRegister } from './client.js';
import { receiptForEvent } from '../../domain/receipts/receipt-rules.js';
import { exampleBuyer, exampleSeller, workedExamples } from '../../domain/receipts/worked-examples.js';

// ATOL's answers → ours, case by case (docs/atol-protocol.md#errors), including ones the sandbox does not send.

const UUID = '5c8e1f3a-0d44-4b38-9a8e-6f0f2a7c1d90';
const error = (code: number, text = `text ${code}`, type = 'system') => ({ error_id: 'e', code, text, type });

describe('registerAnswer', () => {
  it.each([
    ['200 wait with uuid', 200, { uuid: UUID, status: 'wait', error: null, timestamp: '05.02.2026 12:00:02' }, { kind: 'accepted', uuid: UUID }],
    ['33 with uuid', 400, { error: error(33), status: 'wait', uuid: UUID }, { kind: 'duplicate', uuid: UUID }],
    ['33 without uuid', 400, { error: error(33), status: 'wait' }, { kind: 'duplicate', uuid: null }],
    ['32 validation', 400, { error: error(32, 'Ошибочные поля : …'), status: 'fail' }, { kind: 'rejected', error: { code: 32, text: 'Ошибочные поля : …' } }],
    ['13 validation', 400, { error: error(13) }, { kind: 'rejected', error: { code: 13, text: 'text 13' } }],
    ['31 operation', 400, { error: error(31) }, { kind: 'rejected', error: { code: 31, text: 'text 31' } }],
    ['40 bad request', 400, { error: error(40) }, { kind: 'rejected', error: { code: 40, text: 'text 40' } }],
    ['41 content type', 415, { error: error(41) }, { kind: 'rejected', error: { code: 41, text: 'text 41' } }],
    ['0 undefined', 400, { error: error(0, 'x', 'unknown') }, { kind: 'unavailable', reason: 'ATOL error 0: x' }],
    ['1 processing failed', 400, { error: error(1, 'x') }, { kind: 'unavailable', reason: 'ATOL error 1: x' }],
    ['50 server', 500, { error: error(50, 'x') }, { kind: 'unavailable', reason: 'ATOL error 50: x' }],
    ['an unknown code', 400, { error: error(77, 'x') }, { kind: 'unavailable', reason: 'ATOL error 77: x' }],
    ['14 blocked', 403, { error: error(14, 'x') }, { kind: 'unavailable', reason: 'ATOL refused our account (check the ATOL settings): ATOL error 14: x' }],
    ['21 v4 group', 401, { error: error(21, 'x') }, { kind: 'unavailable', reason: 'ATOL refused our account (check the ATOL settings): ATOL error 21: x' }],
    ['11 after a fresh token', 401, { error: error(11, 'x') }, { kind: 'unavailable', reason: 'ATOL refused a fresh token: ATOL error 11: x' }],
    ['200 without uuid', 200, { status: 'wait', error: null }, { kind: 'unavailable', reason: 'HTTP 200, unexpected answer' }],
    ['429 without JSON', 429, undefined, { kind: 'unavailable', reason: 'HTTP 429 without JSON' }],
    ['502 proxy page', 502, undefined, { kind: 'unavailable', reason: 'HTTP 502 without JSON' }],
    ['a JSON array', 200, [], { kind: 'unavailable', reason: 'HTTP 200, unexpected answer' }],
  ])('%s', (_name, status, json, expected) => {
    expect(registerAnswer({ status, json })).toEqual(expected);
  });
});

const payload = {
  fiscal_receipt_number: 41,
  shift_number: 212,
  receipt_datetime: '05.02.2026 12:00:07',
  total: 15000.0,
  fn_number: '7281440500123456',
  ecr_registration_number: '0001234567012345',
  fiscal_document_number: 30512,
  fiscal_document_attribute: 2893104477,
  fns_site: 'www.nalog.gov.ru',
  ofd_inn: '7704211201',
  ofd_receipt_url: 'https://ofd.example/rec?fn=7281440500123456&i=30512&fp=2893104477',
};
const done = { uuid: UUID, status: 'done', error: null, payload, timestamp: '05.02.2026 12:00:09', external_id: 'x', callback_url: '', warnings: null };

describe('reportAnswer', () => {
  it('done: the reference’s example payload', () => {
    expect(reportAnswer({ status: 200, json: done }, UUID)).toEqual({
      kind: 'done',
      fiscal: {
        fiscalReceiptNumber: 41,
        shiftNumber: 212,
        fnNumber: '7281440500123456',
        fiscalDocumentNumber: 30512,
        fiscalDocumentAttribute: 2893104477,
        registeredAt: new Date('2026-02-05T09:00:07Z'),
        ofdReceiptUrl: 'https://ofd.example/rec?fn=7281440500123456&i=30512&fp=2893104477',
        totalKopecks: 1_500_000,
        registerNumber: '0001234567012345',
      },
    });
  });

  it.each([
    ['34 not processed yet', 200, { status: 'wait', error: error(34), timestamp: 't' }, { kind: 'wait' }],
    ['wait without error', 200, { uuid: UUID, status: 'wait', error: null }, { kind: 'wait' }],
    ['fail from the KKT', 200, { uuid: UUID, status: 'fail', error: error(2009, 'ИНН …', 'agent'), payload: null }, { kind: 'fail', error: { code: 2009, text: 'ИНН …' } }],
    ['fail after the queue timeout', 200, { uuid: UUID, status: 'fail', error: error(1, 'Превышено время', 'timeout') }, { kind: 'fail', error: { code: 1, text: 'Превышено время' } }],
    ['30 unknown uuid', 400, { status: 'fail', error: error(30) }, { kind: 'not_found' }],
    ['500', 500, { error: error(50, 'x') }, { kind: 'unavailable', reason: 'ATOL error 50: x' }],
    ['rate limited (code 0)', 400, { error: error(0, 'x', 'unknown') }, { kind: 'unavailable', reason: 'ATOL error 0: x' }],
    ['429', 429, undefined, { kind: 'unavailable', reason: 'HTTP 429 without JSON' }],
    ['another document’s report', 200, { ...done, uuid: 'other' }, { kind: 'unavailable', reason: 'report for another document (other)' }],
    ['done without payload', 200, { ...done, payload: null }, { kind: 'unavailable', reason: 'done without a readable payload' }],
    ['fail without error', 200, { uuid: UUID, status: 'fail', error: null }, { kind: 'unavailable', reason: 'fail without an error' }],
    ['an unknown status', 200, { uuid: UUID, status: 'queued' }, { kind: 'unavailable', reason: 'HTTP 200, unexpected answer' }],
  ])('%s', (_name, status, json, expected) => {
    expect(reportAnswer({ status, json }, UUID)).toEqual(expected);
  });
});

describe('fiscalAttributesOf', () => {
  it('takes the fiscal sign as digits too, and the optional fields as absent', () => {
    const rest: Record<string, unknown> = { ...payload };
    delete rest.ofd_receipt_url;
    delete rest.ecr_registration_number;
    expect(fiscalAttributesOf({ ...rest, fiscal_document_attribute: '4294967295' })).toMatchObject({ fiscalDocumentAttribute: 4_294_967_295, ofdReceiptUrl: null });
    expect(fiscalAttributesOf({ ...rest })).not.toHaveProperty('registerNumber');
  });

  it('reads «24:00:00» as the next midnight and refuses other times it cannot read', () => {
    expect(fiscalAttributesOf({ ...payload, receipt_datetime: '05.02.2026 24:00:00' })?.registeredAt).toEqual(new Date('2026-02-05T21:00:00Z'));
    expect(fiscalAttributesOf({ ...payload, receipt_datetime: '2026-02-05 12:00' })).toBeNull();
    expect(fiscalAttributesOf({ ...payload, fiscal_document_number: 'x' })).toBeNull();
    expect(fiscalAttributesOf({ ...payload, total: 15000.1 })?.totalKopecks).toBe(1_500_010);
  });
});

describe('atolCallbackUuid', () => {
  it('reads the uuid of a callback body and nothing else', () => {
    expect(atolCallbackUuid(done)).toBe(UUID);
    expect(atolCallbackUuid({ status: 'done' })).toBeNull();
    expect(atolCallbackUuid({ uuid: '../../etc' })).toBeNull();
    expect(atolCallbackUuid('uuid')).toBeNull();
    expect(atolCallbackUuid(null)).toBeNull();
  });
});

describe('the client without a register behind it', () => {
  const document = receiptForEvent(workedExamples.prepayment, exampleSeller, exampleBuyer);
  const config = { apiUrl: 'https://atol.invalid/possystem/v5/', login: 'l', password: 'p', groupCode: 'g_1', timeoutMs: 1000 };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('a fresh token refused too → unavailable after exactly one retry', async () => {
    const seen: string[] = [];
    const answers = [json(200, { token: 't1', error: null }), json(401, { error: error(11) }), json(200, { token: 't2', error: null }), json(401, { error: error(10) })];
    const fakeFetch: typeof fetch = async (input, init) => {
      seen.push(`${init?.method} ${String(input)} ${new Headers(init?.headers).get('token') ?? '-'}`);
      return answers.shift() ?? json(500, {});
    };
    const answer = await createAtolCashRegister(config, { fetch: fakeFetch }).register(document, 'x', { callbackUrl: null, at: new Date() });
    expect(answer).toEqual({ kind: 'unavailable', reason: 'ATOL refused a fresh token: ATOL error 10: text 10' });
    expect(seen).toEqual([
      'POST https://atol.invalid/possystem/v5/getToken -',
      'POST https://atol.invalid/possystem/v5/g_1/sell t1',
      'POST https://atol.invalid/possystem/v5/getToken -',
      'POST https://atol.invalid/possystem/v5/g_1/sell t2',
    ]);
  });

  it('sends JSON with the Token header, never the token in the URL', async () => {
    let request: { url: string; headers: Headers; body: string } | undefined;
    const answers = [json(200, { token: 'secret-token', error: null }), json(200, { uuid: UUID, status: 'wait', error: null })];
    const fakeFetch: typeof fetch = async (input, init) => {
      request = { url: String(input), headers: new Headers(init?.headers), body: String(init?.body) };
      return answers.shift()!;
    };
    await createAtolCashRegister(config, { fetch: fakeFetch }).register(document, 'x', { callbackUrl: null, at: new Date() });
    expect(request!.url).not.toContain('secret-token');
    expect(request!.headers.get('token')).toBe('secret-token');
    expect(request!.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(request!.body)).toMatchObject({ external_id: 'x', receipt: { total: 15000 } });
  });
});
