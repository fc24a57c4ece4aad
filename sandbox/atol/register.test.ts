import { afterEach, describe, expect, it } from 'vitest';
import { DAY, GROUP, type Kit, OTHER_GROUP, OTHER_LOGIN, TIMESTAMP, UUID, correction, extraHours, frozenAt, nextExternalId, prepayment, refund, startKit } from './test-kit.js';

const START = frozenAt('2026-02-05T09:00:00Z'); // 12:00:00 in Moscow

describe('registration, processing and report', () => {
  let kit: Kit;
  afterEach(async () => {
    await kit.close();
  });

  it('sell → 200 wait → report code 34 while queued → done after doneAfterMs with a fiscal payload', async () => {
    kit = await startKit(START);
    const body = prepayment();
    const accepted = await kit.register('sell', body);
    expect(accepted.http).toBe(200);
    expect(accepted.body).toEqual({ uuid: expect.stringMatching(UUID), status: 'wait', error: null, timestamp: '05.02.2026 12:00:00' });
    const uuid = String(accepted.body.uuid);

    const queued = await kit.report(uuid);
    expect(queued.http).toBe(200);
    expect(queued.body).toEqual({
      error: { error_id: expect.stringMatching(UUID), code: 34, text: 'Состояние чека не найдено. Попробуйте позднее', type: 'system' },
      status: 'wait',
      timestamp: expect.stringMatching(TIMESTAMP),
      callback_url: '',
    });

    await kit.sandbox.advanceClock(1499);
    expect((await kit.report(uuid)).body.status).toBe('wait');
    await kit.sandbox.advanceClock(1);
    const done = await kit.report(uuid);
    expect(done.http).toBe(200);
    expect(done.body).toEqual({
      uuid,
      status: 'done',
      error: null,
      timestamp: '05.02.2026 12:00:01',
      group_code: GROUP,
      daemon_code: expect.any(String),
      device_code: expect.any(String),
      external_id: body.external_id,
      callback_url: '',
      warnings: null,
      payload: {
        fiscal_receipt_number: 1,
        shift_number: 1,
        receipt_datetime: '05.02.2026 12:00:01',
        total: 15000,
        fn_number: expect.stringMatching(/^\d{16}$/),
        ecr_registration_number: expect.stringMatching(/^\d{16}$/),
        fiscal_document_number: expect.any(Number),
        fiscal_document_attribute: expect.any(Number),
        fns_site: 'www.nalog.gov.ru',
        ofd_inn: expect.stringMatching(/^\d{10}$/),
        ofd_receipt_url: expect.stringContaining(`${kit.sandbox.url}/receipts/${uuid}?fn=`),
      },
    });
    const payload = done.body.payload as Record<string, number>;
    expect(Number.isInteger(payload.fiscal_document_attribute) && payload.fiscal_document_attribute! >= 0 && payload.fiscal_document_attribute! <= 0xffffffff).toBe(true);
    expect(kit.sandbox.receipt(uuid)).toMatchObject({ status: 'done', operation: 'sell', externalId: body.external_id, request: body });
  });

  it('fiscal numbers: FD grows, receipt numbers count within a shift, a new Moscow day opens a new shift', async () => {
    kit = await startKit({ ...START, doneAfterMs: 0 });
    const payloads = [];
    for (const day of [0, 0, 1]) {
      if (day) {
        await kit.sandbox.advanceClock(DAY);
        kit.forgetToken();
      }
      const { body } = await kit.register('sell', prepayment());
      await kit.sandbox.settle();
      payloads.push((await kit.report(String(body.uuid))).body.payload as Record<string, number>);
    }
    const [a, b, c] = payloads as [Record<string, number>, Record<string, number>, Record<string, number>];
    expect([a.shift_number, b.shift_number, c.shift_number]).toEqual([1, 1, 2]);
    expect([a.fiscal_receipt_number, b.fiscal_receipt_number, c.fiscal_receipt_number]).toEqual([1, 2, 1]);
    expect(b.fiscal_document_number).toBe(a.fiscal_document_number! + 1);
    // Closing and opening the shift are fiscal documents too.
    expect(c.fiscal_document_number).toBe(b.fiscal_document_number! + 3);
    expect(new Set([a.fn_number, b.fn_number, c.fn_number]).size).toBe(1);
  });

  it('with the real clock only: doneAfterMs passes by itself on a listening sandbox', async () => {
    kit = await startKit({ doneAfterMs: 50 });
    const { body } = await kit.register('sell', prepayment());
    const deadline = Date.now() + 3000;
    let status = 'wait';
    while (status === 'wait' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = String((await kit.report(String(body.uuid))).body.status);
    }
    expect(status).toBe('done');
  });

  it('sell with hours as measure (71), phone only: done', async () => {
    kit = await startKit({ doneAfterMs: 0 });
    const { body } = await kit.register('sell', extraHours());
    await kit.sandbox.settle();
    expect((await kit.report(String(body.uuid))).body).toMatchObject({ status: 'done', payload: { total: 5000 } });
  });

  it('sell_refund: registered and done; its QR kind is 2 (возврат прихода)', async () => {
    kit = await startKit({ doneAfterMs: 0 });
    const { http, body } = await kit.register('sell_refund', refund());
    expect(http).toBe(200);
    await kit.sandbox.settle();
    const report = await kit.report(String(body.uuid));
    expect(report.body).toMatchObject({ status: 'done', payload: { total: 5000 } });
    expect(String((report.body.payload as Record<string, unknown>).ofd_receipt_url)).toMatch(/&n=2$/);
    expect(kit.sandbox.receipt(String(body.uuid))?.operation).toBe('sell_refund');
  });

  it('sell_correction and sell_refund_correction take a `correction` root', async () => {
    kit = await startKit({ doneAfterMs: 0 });
    const sell = await kit.register('sell_correction', correction());
    const back = await kit.register('sell_refund_correction', correction());
    expect([sell.http, back.http]).toEqual([200, 200]);
    await kit.sandbox.settle();
    expect((await kit.report(String(sell.body.uuid))).body).toMatchObject({ status: 'done', payload: { total: 8000 } });
    expect((await kit.report(String(back.body.uuid))).body).toMatchObject({ status: 'done' });
    // A correction sent with `receipt` is a schema error.
    const { correction: document, ...envelope } = correction();
    const wrong = await kit.register('sell_correction', { ...envelope, receipt: document });
    expect(wrong.body).toMatchObject({ status: 'fail', error: { code: 32, text: expect.stringContaining('PropertyRequired: #/correction') } });
  });

  it('a company INN other than the group\'s: accepted, then fail 2009 type agent', async () => {
    kit = await startKit({ doneAfterMs: 0 });
    const body = prepayment();
    body.receipt.company.inn = '1234567891';
    const { http, body: accepted } = await kit.register('sell', body);
    expect(http).toBe(200);
    await kit.sandbox.settle();
    expect((await kit.report(String(accepted.uuid))).body).toMatchObject({
      status: 'fail',
      payload: null,
      error: { code: 2009, type: 'agent', text: expect.stringContaining('1234567891') },
    });
  });

  it('duplicate external_id (any operation) → 400 code 33, status wait, with the stored uuid; nothing new is stored', async () => {
    kit = await startKit();
    const body = prepayment();
    const first = await kit.register('sell', body);
    const again = await kit.register('sell', body);
    expect(again.http).toBe(400);
    expect(again.body).toEqual({
      error: {
        error_id: expect.stringMatching(UUID),
        code: 33,
        text: `В системе существует чек с external_id : "${body.external_id}" и group_code: "${GROUP}"`,
        type: 'system',
      },
      status: 'wait',
      timestamp: expect.stringMatching(TIMESTAMP),
      uuid: first.body.uuid,
    });
    const asRefund = await kit.register('sell_refund', { ...refund(), external_id: body.external_id });
    expect(asRefund.body).toMatchObject({ error: { code: 33 } });
    expect(kit.sandbox.receipts().filter((r) => r.externalId === body.external_id)).toHaveLength(1);
  });

  it("duplicateExternalId 'error-without-uuid' and 'return-existing'", async () => {
    kit = await startKit({ duplicateExternalId: 'error-without-uuid' });
    const body = prepayment();
    await kit.register('sell', body);
    const without = await kit.register('sell', body);
    expect(without.body).toMatchObject({ error: { code: 33 } });
    expect(without.body.uuid).toBeUndefined();
    await kit.close();

    kit = await startKit({ duplicateExternalId: 'return-existing' });
    const first = await kit.register('sell', body);
    const same = await kit.register('sell', body);
    expect(same.http).toBe(200);
    expect(same.body).toMatchObject({ uuid: first.body.uuid, status: 'wait', error: null });
  });

  it('an external_id whose document failed: still a duplicate by default, reusable with reuseExternalIdAfterFail', async () => {
    for (const reuse of [false, true]) {
      kit = await startKit({ doneAfterMs: 0, reuseExternalIdAfterFail: reuse });
      kit.sandbox.setFaults({ failNext: { code: 243, text: 'Некорректная сумма налога' } });
      const body = prepayment();
      const first = await kit.register('sell', body);
      await kit.sandbox.settle();
      expect(kit.sandbox.receipt(String(first.body.uuid))?.status).toBe('fail');
      const again = await kit.register('sell', body);
      if (reuse) {
        expect(again.http).toBe(200);
        expect(again.body.uuid).not.toBe(first.body.uuid);
        expect(kit.sandbox.receiptByExternalId(GROUP, body.external_id)?.uuid).toBe(again.body.uuid);
      } else {
        expect(again.body).toMatchObject({ error: { code: 33 }, uuid: first.body.uuid });
      }
      await kit.close();
    }
    kit = await startKit();
  });

  it('unknown operation → 400 code 31; wrong Content-Type → 415 code 41; broken JSON → 400 code 40', async () => {
    kit = await startKit();
    const token = await kit.token();
    const operation = await kit.call('POST', `/${GROUP}/sale`, { token, body: prepayment() });
    expect(operation.http).toBe(400);
    expect(operation.body).toMatchObject({ error: { code: 31, text: 'Операция "sale" не поддерживается.' } });
    const type = await kit.call('POST', `/${GROUP}/sell`, { token, raw: JSON.stringify(prepayment()), contentType: 'text/plain' });
    expect(type.http).toBe(415);
    expect(type.body).toMatchObject({ error: { code: 41, type: 'system' } });
    const broken = await kit.call('POST', `/${GROUP}/sell`, { token, raw: '{"external_id": ' });
    expect(broken.http).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 40, text: 'Некорректный запрос.' } });
    expect(kit.sandbox.receipts()).toHaveLength(0);
  });

  it('report: unknown uuid, another group\'s uuid, or older than 32 days → 400 code 30, status fail', async () => {
    kit = await startKit({ doneAfterMs: 0 });
    const unknown = await kit.report('not-a-uuid');
    expect(unknown.http).toBe(400);
    expect(unknown.body).toEqual({
      error: { error_id: expect.stringMatching(UUID), code: 30, text: 'Передан некорректный UUID : "not-a-uuid". Необходимо повторить запрос с корректными данными', type: 'system' },
      status: 'fail',
      timestamp: expect.stringMatching(TIMESTAMP),
    });
    const { body } = await kit.register('sell', prepayment());
    const uuid = String(body.uuid);
    const otherToken = await kit.token(OTHER_LOGIN, 'other-password');
    expect((await kit.report(uuid, otherToken, OTHER_GROUP)).body).toMatchObject({ status: 'fail', error: { code: 30 } });
    await kit.sandbox.advanceClock(32 * DAY - 1000);
    // Tokens live 24 h: a fresh one for the late asks.
    const token = await kit.token();
    expect((await kit.report(uuid, token)).body.status).toBe('done');
    await kit.sandbox.advanceClock(1000);
    expect((await kit.report(uuid, token)).body).toMatchObject({ error: { code: 30 } });
  });

  it('callback_url not matching ATOL\'s mask: registered, warning in the report, no callback', async () => {
    kit = await startKit({ doneAfterMs: 0 });
    const { body } = await kit.register('sell', prepayment(nextExternalId(), { service: { callback_url: 'ftp://shop.example.ru/hook' } }));
    await kit.sandbox.settle();
    expect((await kit.report(String(body.uuid))).body).toMatchObject({
      status: 'done',
      callback_url: 'ftp://shop.example.ru/hook',
      warnings: { callback_url: 'callback_url не соответствует маске' },
    });
    expect(kit.sandbox.deliveries()).toHaveLength(0);
  });

  it('report rate limit (optional): over 1 rps per KKT → code 0, or HTTP 429', async () => {
    kit = await startKit({ reportRateLimit: 'error-code-0' });
    const { body } = await kit.register('sell', prepayment());
    const uuid = String(body.uuid);
    expect((await kit.report(uuid)).http).toBe(200);
    const limited = await kit.report(uuid);
    expect(limited.http).toBe(400);
    expect(limited.body).toMatchObject({ error: { code: 0, type: 'unknown' } });
    await kit.sandbox.advanceClock(1000);
    expect((await kit.report(uuid)).http).toBe(200);
    await kit.close();

    kit = await startKit({ reportRateLimit: 'http-429', groups: [{ login: 'l', password: 'p', groupCode: 'g_2', kktCount: 2 }] });
    const token = await kit.token('l', 'p');
    const calls = await Promise.all([1, 2, 3].map(() => kit.report('x', token, 'g_2')));
    expect(calls.map((call) => call.http).sort()).toEqual([400, 400, 429]);
  });
});
