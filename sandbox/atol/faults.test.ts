import { afterEach, describe, expect, it } from 'vitest';
import { GROUP, type Kit, MINUTE, TIMESTAMP, UUID, frozenAt, prepayment, startKit } from './test-kit.js';

/** The network error code under fetch's "fetch failed" (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, …). */
async function networkFailure(request: Promise<unknown>): Promise<string> {
  try {
    await request;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? 'no code';
  }
  return 'answered';
}

const control = (kit: Kit, method: string, path: string, body?: unknown) =>
  fetch(`${kit.sandbox.url}/sandbox${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

describe('fault switches', () => {
  let kit: Kit;
  afterEach(async () => {
    await kit.close();
  });

  it("down 'reset': API connections are closed unanswered; the page and controls still answer; back up on down false", async () => {
    kit = await startKit();
    const token = await kit.token();
    expect((await control(kit, 'POST', '/faults', { down: 'reset' })).status).toBe(200);
    expect(await networkFailure(kit.register('sell', prepayment(), token))).not.toBe('answered');
    expect(await networkFailure(kit.call('POST', '/getToken', { body: { login: 'x', pass: 'y' } }))).not.toBe('answered');
    expect((await fetch(`${kit.sandbox.url}/`)).status).toBe(200);
    expect(kit.sandbox.receipts()).toHaveLength(0);
    await control(kit, 'POST', '/faults', { down: false });
    expect((await kit.register('sell', prepayment(), token)).http).toBe(200);
  });

  it("down 'refuse': connection refused until switched back (programmatically, or by itself after downForMs)", async () => {
    kit = await startKit();
    const token = await kit.token();
    kit.sandbox.setFaults({ down: 'refuse' });
    expect(await networkFailure(kit.register('sell', prepayment(), token))).toBe('ECONNREFUSED');
    kit.sandbox.setFaults({ down: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await kit.register('sell', prepayment(), token)).http).toBe(200);

    expect((await control(kit, 'POST', '/faults', { down: 'refuse', downForMs: 300 })).status).toBe(200);
    expect(await networkFailure(kit.register('sell', prepayment(), token))).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await kit.register('sell', prepayment(), token)).http).toBe(200);
    expect(kit.sandbox.faults.down).toBe(false);
    // close() while refusing must not hang (afterEach closes it).
    kit.sandbox.setFaults({ down: 'refuse' });
  });

  it('slowMs delays every API answer', async () => {
    kit = await startKit();
    const token = await kit.token();
    kit.sandbox.setFaults({ slowMs: 1000 });
    const started = performance.now();
    expect((await kit.register('sell', prepayment(), token)).http).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    kit.sandbox.setFaults({ slowMs: 0 });
    const again = performance.now();
    await kit.register('sell', prepayment(), token);
    expect(performance.now() - again).toBeLessThan(990);
  });

  it('slowMs: the document is registered on arrival, so a caller that hangs up before the answer leaves it registered', async () => {
    kit = await startKit();
    const token = await kit.token();
    kit.sandbox.setFaults({ slowMs: 2000 });
    const body = prepayment();
    const call = fetch(`${kit.sandbox.apiUrl}/${GROUP}/sell`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', Token: token }, body: JSON.stringify(body), signal: AbortSignal.timeout(300) });
    expect(await networkFailure(call)).not.toBe('answered');
    expect(kit.sandbox.receipts().map((r) => r.externalId)).toEqual([body.external_id]);
    kit.sandbox.setFaults({ slowMs: 0 });
    expect((await kit.register('sell', prepayment(body.external_id), token)).body).toMatchObject({ error: { code: 33 } });
  });

  it('serverError: the next N API calls answer 500 code 50 (nothing registered), then normal again', async () => {
    kit = await startKit();
    const token = await kit.token();
    await control(kit, 'POST', '/faults', { serverError: 2 });
    for (let i = 0; i < 2; i++) {
      const answer = await kit.register('sell', prepayment(), token);
      expect(answer.http).toBe(500);
      expect(answer.body).toEqual({
        error: { error_id: expect.stringMatching(UUID), code: 50, text: 'Ошибка сервера. Обратитесь к Администратору.', type: 'system' },
        timestamp: expect.stringMatching(TIMESTAMP),
      });
    }
    expect(kit.sandbox.receipts()).toHaveLength(0);
    expect((await kit.register('sell', prepayment(), token)).http).toBe(200);
  });

  it('serverErrorStatus 503: a proxy page, not JSON', async () => {
    kit = await startKit();
    kit.sandbox.setFaults({ serverError: 1, serverErrorStatus: 503 });
    const answer = await kit.call('POST', '/getToken', { body: { login: 'shop-login', pass: 'shop-password' } });
    expect(answer.http).toBe(503);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.text).toContain('503 Service Temporarily Unavailable');
  });

  it('failNext: the next `count` documents end in fail with the given error; later ones are done', async () => {
    kit = await startKit({ ...frozenAt('2026-02-05T09:00:00Z') });
    kit.sandbox.setFaults({ failNext: { code: 145, text: 'Недопустимый тип оплаты', type: 'driver', count: 2 } });
    const uuids = [];
    for (let i = 0; i < 3; i++) uuids.push(String((await kit.register('sell', prepayment())).body.uuid));
    expect(kit.sandbox.faults.failNext).toBeNull();
    await kit.sandbox.advanceClock(1500);
    const reports = await Promise.all(uuids.map((uuid) => kit.report(uuid)));
    for (const report of reports.slice(0, 2)) {
      expect(report.body).toMatchObject({ status: 'fail', payload: null, error: { code: 145, text: 'Недопустимый тип оплаты', type: 'driver' } });
    }
    expect(reports[2]?.body.status).toBe('done');

    await control(kit, 'POST', '/faults', { failNext: { code: 1, type: 'system' } });
    const { body } = await kit.register('sell', prepayment());
    await kit.sandbox.advanceClock(1500);
    expect((await kit.report(String(body.uuid))).body).toMatchObject({ status: 'fail', error: { code: 1, type: 'system', error_id: expect.stringMatching(UUID) } });
  });

  it('stuckInWait: documents stay in wait; lifting it lets them finish', async () => {
    kit = await startKit({ ...frozenAt('2026-02-05T09:00:00Z') });
    kit.sandbox.setFaults({ stuckInWait: true });
    const { body } = await kit.register('sell', prepayment());
    await kit.sandbox.advanceClock(2 * MINUTE);
    expect((await kit.report(String(body.uuid))).body).toMatchObject({ status: 'wait', error: { code: 34 } });
    await control(kit, 'POST', '/faults', { stuckInWait: false });
    expect((await kit.report(String(body.uuid))).body).toMatchObject({ status: 'done' });
  });

  it('stuck for 300 s (the queue timeout): fail, type timeout, code 1 — or -1 with timeoutErrorCode', async () => {
    for (const code of [1, -1]) {
      kit = await startKit({ ...frozenAt('2026-02-05T09:00:00Z'), timeoutErrorCode: code });
      kit.sandbox.setFaults({ stuckInWait: true });
      const { body } = await kit.register('sell', prepayment());
      await kit.sandbox.advanceClock(300_000 - 1);
      expect((await kit.report(String(body.uuid))).body.status).toBe('wait');
      await kit.sandbox.advanceClock(1);
      expect((await kit.report(String(body.uuid))).body).toMatchObject({
        status: 'fail',
        error: { code, type: 'timeout', text: 'Превышено время ожидания чека в очереди.' },
      });
      if (code === 1) await kit.close();
    }
  });

  it('dropAfterRegister: registered but unanswered; the resend with the same external_id gets code 33 with that uuid', async () => {
    kit = await startKit();
    const token = await kit.token();
    kit.sandbox.setFaults({ dropAfterRegister: 1 });
    const body = prepayment();
    expect(await networkFailure(kit.register('sell', body, token))).not.toBe('answered');
    const stored = kit.sandbox.receiptByExternalId(GROUP, body.external_id);
    expect(stored?.status).toBe('wait');
    const resend = await kit.register('sell', body, token);
    expect(resend.body).toMatchObject({ status: 'wait', error: { code: 33 }, uuid: stored?.uuid });
  });

  it('control routes: GET shows, POST changes only what is given, DELETE resets; bad input → 400', async () => {
    kit = await startKit({ faults: { slowMs: 10 } });
    expect(await (await control(kit, 'GET', '/faults')).json()).toMatchObject({ slowMs: 10, down: false, serverError: 0 });
    const changed = await (await control(kit, 'POST', '/faults', { serverError: 3, stuckInWait: true })).json();
    expect(changed).toMatchObject({ slowMs: 10, serverError: 3, stuckInWait: true });
    expect((await control(kit, 'POST', '/faults', { serverError: -1 })).status).toBe(400);
    expect((await control(kit, 'POST', '/faults', { nope: true })).status).toBe(400);
    expect(await (await control(kit, 'DELETE', '/faults')).json()).toMatchObject({ slowMs: 0, serverError: 0, stuckInWait: false, failNext: null });
    const advanced = await (await control(kit, 'POST', '/clock/advance', { ms: 60_000 })).json();
    expect(Date.parse(advanced.now)).toBeGreaterThan(Date.now() + 55_000);
  });
});
