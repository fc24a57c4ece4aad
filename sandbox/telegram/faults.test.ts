import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNA, type Kit, startKit } from './test-kit.js';

describe('fault switches', () => {
  let kit: Kit;
  let now: number;
  beforeEach(async () => {
    now = Date.parse('2026-03-02T09:00:00Z');
    kit = await startKit({ clock: () => new Date(now) });
    kit.sandbox.userWrites(ANNA, '/start');
  });
  afterEach(async () => {
    await kit.close();
  });

  it('down: the connection is dropped without an answer; the page and controls still work', async () => {
    kit.sandbox.faults.set({ down: true });
    await expect(kit.call('getMe')).rejects.toThrow();
    expect((await fetch(`${kit.sandbox.url}/`)).status).toBe(200);
    kit.sandbox.faults.clear();
    expect((await kit.call('getMe')).status).toBe(200);
  });

  it('slowMs delays every answer', async () => {
    kit.sandbox.faults.set({ slowMs: 400 });
    const started = Date.now();
    expect((await kit.call('getMe')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('serverError fails the next N calls of one method, then lets them through', async () => {
    kit.sandbox.faults.set({ serverError: { count: 2, method: 'sendMessage' } });
    expect((await kit.call('getMe')).status).toBe(200);
    const failed = await kit.call('sendMessage', { chat_id: ANNA.id, text: 'a' });
    expect(failed).toEqual({ status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } });
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'b' })).status).toBe(500);
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'c' })).status).toBe(200);
    expect(kit.sandbox.sent().map((message) => message.text)).toEqual(['c']);

    kit.sandbox.faults.set({ serverError: { count: 1, status: 502 } });
    expect((await kit.call('getMe')).body).toEqual({ ok: false, error_code: 502, description: 'Bad Gateway' });
  });

  it('rateLimit answers 429 with parameters.retry_after counting down on the clock; getUpdates is not limited', async () => {
    kit.sandbox.faults.set({ rateLimit: { retryAfter: 3 } });
    expect(await kit.call('sendMessage', { chat_id: ANNA.id, text: 'a' })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    });
    expect((await kit.call('getUpdates')).status).toBe(200);
    now += 1500;
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'b' })).body.parameters).toEqual({ retry_after: 2 });
    now += 1500;
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'c' })).status).toBe(200);
    expect(kit.sandbox.sent().map((message) => message.text)).toEqual(['c']);
  });

  it('the same switches over HTTP: POST /sandbox/faults replaces them, {} clears', async () => {
    const post = (body: unknown) => fetch(`${kit.sandbox.url}/sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ serverError: { count: 1 } })).status).toBe(200);
    expect((await kit.call('getMe')).status).toBe(500);
    expect((await post({ rateLimit: { retryAfter: 5, method: 'sendMessage' } })).status).toBe(200);
    expect((await kit.call('getMe')).status).toBe(200);
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x' })).status).toBe(429);
    await post({});
    expect(kit.sandbox.faults.current()).toEqual({});
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x' })).status).toBe(200);
    expect((await post({ slowMs: -1 })).status).toBe(400);
  });
});
