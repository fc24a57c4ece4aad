import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNA, type Kit, startKit } from './test-kit.js';
import type { Update } from './types.js';

const ids = (result: unknown) => (result as Update[]).map((update) => update.update_id);

describe('getUpdates', () => {
  let kit: Kit;
  beforeEach(async () => {
    kit = await startKit();
  });
  afterEach(async () => {
    await kit.close();
  });

  it('returns a person\'s /start CODE as a message update, until an offset confirms it', async () => {
    kit.sandbox.userWrites(ANNA, '/start ABC123');
    const first = await kit.call('getUpdates');
    expect(first.status).toBe(200);
    const [update] = first.body.result as Update[];
    expect(update).toMatchObject({
      update_id: 1000,
      message: {
        message_id: 1,
        from: { id: ANNA.id, is_bot: false, first_name: 'Анна', username: 'anna_manager', language_code: 'ru' },
        chat: { id: ANNA.id, type: 'private', first_name: 'Анна' },
        text: '/start ABC123',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    });
    // Not confirmed yet: the same update again.
    expect(ids((await kit.call('getUpdates')).body.result)).toEqual([1000]);
    // offset = last update_id + 1 confirms it; it is gone for good.
    expect((await kit.call('getUpdates', { offset: 1001 })).body.result).toEqual([]);
    expect(kit.sandbox.pendingUpdates()).toEqual([]);
    expect((await kit.call('getUpdates')).body.result).toEqual([]);
  });

  it('limit caps the batch; a negative offset keeps only the last updates', async () => {
    for (let n = 1; n <= 5; n++) kit.sandbox.userWrites(ANNA, `сообщение ${n}`);
    expect(ids((await kit.call('getUpdates', { limit: 2 })).body.result)).toEqual([1000, 1001]);
    expect(ids((await kit.call('getUpdates', { offset: 1002, limit: 2 })).body.result)).toEqual([1002, 1003]);
    expect(ids((await kit.call('getUpdates', { offset: -1 })).body.result)).toEqual([1004]);
    expect(kit.sandbox.pendingUpdates().map((update) => update.update_id)).toEqual([1004]);
  });

  it('long polling waits for an update and answers as soon as one arrives', async () => {
    const started = Date.now();
    const waiting = kit.call('getUpdates', { timeout: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    kit.sandbox.userWrites(ANNA, '/start WAKE01');
    const answer = await waiting;
    const elapsed = Date.now() - started;
    expect(answer.status).toBe(200);
    expect((answer.body.result as Update[])[0]?.message?.text).toBe('/start WAKE01');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000);
  });

  it('long polling with nothing to deliver answers [] after the timeout', async () => {
    const started = Date.now();
    const answer = await kit.call('getUpdates', { timeout: 1 });
    expect(answer.body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('a second getUpdates ends the waiting one with 409, as two bot copies would see', async () => {
    const first = kit.call('getUpdates', { timeout: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = kit.call('getUpdates', { timeout: 1 });
    expect(await first).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' },
    });
    expect((await second).body).toEqual({ ok: true, result: [] });
  });

  it('allowed_updates: a bot that wants only messages never hears of a block', async () => {
    kit.sandbox.userWrites(ANNA, '/start');
    await kit.call('getUpdates', { offset: 1001, allowed_updates: ['message'] });
    kit.sandbox.blockBot(ANNA.id);
    expect(kit.sandbox.pendingUpdates()).toEqual([]);
    kit.sandbox.userWrites(ANNA, 'снова я');
    expect((await kit.call('getUpdates')).body.result).toMatchObject([{ message: { text: 'снова я' } }]);
    // An empty list goes back to the default set, which has my_chat_member.
    await kit.call('getUpdates', { offset: -1, allowed_updates: [] });
    kit.sandbox.blockBot(ANNA.id);
    expect(kit.sandbox.pendingUpdates().at(-1)?.my_chat_member?.new_chat_member.status).toBe('kicked');
  });

  it('close() answers a waiting long poll instead of leaving it hanging', async () => {
    const waiting = kit.call('getUpdates', { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await kit.close();
    expect((await waiting).body).toEqual({ ok: true, result: [] });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
