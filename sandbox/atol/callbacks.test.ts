import { afterEach, describe, expect, it } from 'vitest';
import { type Kit, MINUTE, nextExternalId, prepayment, startKit } from './test-kit.js';

const FROZEN = { now: () => Date.parse('2026-02-05T09:00:00Z') };

describe('callbacks to service.callback_url', () => {
  let kit: Kit;
  afterEach(async () => {
    await kit.close();
  });

  const withCallback = (k: Kit) => prepayment(nextExternalId(), { service: { callback_url: `${k.shopUrl}/hooks/atol` } });

  it('done: the report JSON is POSTed as application/json, the same as GET report', async () => {
    kit = await startKit(FROZEN);
    const { body } = await kit.register('sell', withCallback(kit));
    const uuid = String(body.uuid);
    await kit.sandbox.advanceClock(1499);
    expect(kit.callbacks).toHaveLength(0);
    await kit.sandbox.advanceClock(1);
    expect(kit.callbacks).toHaveLength(1);
    const [callback] = kit.callbacks;
    expect(callback?.contentType).toBe('application/json; charset=utf-8');
    expect(callback?.body).toMatchObject({ uuid, status: 'done', error: null, callback_url: `${kit.shopUrl}/hooks/atol`, warnings: null });
    expect(callback?.body).toEqual((await kit.report(uuid)).body);
    expect(kit.sandbox.deliveries()).toEqual([
      { uuid, url: `${kit.shopUrl}/hooks/atol`, attempt: 1, status: 'done', httpStatus: 200, at: '2026-02-05T09:00:01.500Z' },
    ]);
  });

  it('with the real clock: the callback arrives by itself', async () => {
    kit = await startKit({ doneAfterMs: 100 });
    await kit.register('sell', withCallback(kit));
    const deadline = Date.now() + 3000;
    while (kit.callbacks.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(kit.callbacks[0]?.body.status).toBe('done');
  });

  it('fail: the callback carries the error', async () => {
    kit = await startKit({ ...FROZEN, doneAfterMs: 0 });
    kit.sandbox.setFaults({ failNext: { code: 2009, text: 'ИНН не совпадает', type: 'agent' } });
    await kit.register('sell', withCallback(kit));
    await kit.sandbox.settle();
    expect(kit.callbacks[0]?.body).toMatchObject({ status: 'fail', payload: null, error: { code: 2009, type: 'agent' } });
  });

  it('no callback_url, callbacks: false, or dropCallbacks: nothing is sent', async () => {
    kit = await startKit({ ...FROZEN, doneAfterMs: 0 });
    await kit.register('sell', prepayment());
    kit.sandbox.setFaults({ dropCallbacks: true });
    await kit.register('sell', withCallback(kit));
    await kit.sandbox.settle();
    expect(kit.callbacks).toHaveLength(0);
    expect(kit.sandbox.receipts().map((r) => r.status)).toEqual(['done', 'done']);
    await kit.close();

    kit = await startKit({ ...FROZEN, doneAfterMs: 0, callbacks: false });
    await kit.register('sell', withCallback(kit));
    await kit.sandbox.settle();
    expect(kit.callbacks).toHaveLength(0);
  });

  it('no retry by default when the shop answers 500; with retries, every retryIntervalMs', async () => {
    kit = await startKit({ ...FROZEN, doneAfterMs: 0 });
    kit.shopAnswer.status = 500;
    await kit.register('sell', withCallback(kit));
    await kit.sandbox.settle();
    await kit.sandbox.advanceClock(60 * MINUTE);
    expect(kit.sandbox.deliveries()).toMatchObject([{ attempt: 1, httpStatus: 500, error: 'HTTP 500' }]);
    await kit.close();

    kit = await startKit({ ...FROZEN, doneAfterMs: 0, callbacks: { retries: 2, retryIntervalMs: MINUTE, timeoutMs: 2000 } });
    kit.shopAnswer.status = 503;
    await kit.register('sell', withCallback(kit));
    await kit.sandbox.settle();
    await kit.sandbox.advanceClock(MINUTE);
    kit.shopAnswer.status = 200;
    await kit.sandbox.advanceClock(10 * MINUTE);
    expect(kit.sandbox.deliveries().map((d) => [d.attempt, d.httpStatus])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(kit.callbacks).toHaveLength(3);
  });

  it('delayMs: the callback comes that long after done; an unreachable shop is recorded as a network error', async () => {
    kit = await startKit({ ...FROZEN, doneAfterMs: 0, callbacks: { delayMs: 30_000, timeoutMs: 2000 } });
    await kit.register('sell', withCallback(kit));
    await kit.sandbox.settle();
    expect(kit.callbacks).toHaveLength(0);
    await kit.sandbox.advanceClock(30_000);
    expect(kit.callbacks).toHaveLength(1);

    await kit.register('sell', prepayment(nextExternalId(), { service: { callback_url: 'http://127.0.0.1:9/hooks/atol' } }));
    await kit.sandbox.advanceClock(30_000);
    expect(kit.sandbox.deliveries()[1]).toMatchObject({ httpStatus: null, error: expect.stringMatching(/^network error/) });
  });
});
