import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNA, type Kit, startKit } from './test-kit.js';
import type { Update } from './types.js';

interface Received {
  secret: string | undefined;
  contentType: string | undefined;
  update: Update;
}

/** A bot's webhook endpoint on loopback that answers with the statuses it is given, then 200. */
async function startBot(): Promise<{ app: FastifyInstance; url: string; received: Received[]; statuses: number[] }> {
  const received: Received[] = [];
  const statuses: number[] = [];
  const app = Fastify();
  app.post('/telegram/webhook', async (request, reply) => {
    received.push({ secret: request.headers['x-telegram-bot-api-secret-token'] as string | undefined, contentType: request.headers['content-type'], update: request.body as Update });
    return reply.code(statuses.shift() ?? 200).send({});
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/telegram/webhook`, received, statuses };
}

const until = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('webhook mode', () => {
  let kit: Kit;
  let bot: Awaited<ReturnType<typeof startBot>>;
  beforeEach(async () => {
    kit = await startKit({ webhookRetryMs: 100 });
    bot = await startBot();
  });
  afterEach(async () => {
    await kit.close();
    await bot.app.close();
  });

  it('POSTs updates to the webhook with the secret token; getUpdates answers 409 meanwhile', async () => {
    const set = await kit.call('setWebhook', { url: bot.url, secret_token: 'hook-Secret_1' });
    expect(set.body).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    expect((await kit.call('setWebhook', { url: bot.url, secret_token: 'hook-Secret_1' })).body.description).toBe('Webhook is already set');

    kit.sandbox.userWrites(ANNA, '/start HOOK42');
    await until(() => bot.received.length === 1);
    expect(bot.received[0]).toMatchObject({ secret: 'hook-Secret_1', contentType: 'application/json', update: { update_id: 1000, message: { text: '/start HOOK42', chat: { id: ANNA.id } } } });
    await until(() => kit.sandbox.pendingUpdates().length === 0);

    expect(await kit.call('getUpdates')).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" },
    });
    expect((await kit.call('getWebhookInfo')).body.result).toEqual({ url: bot.url, has_custom_certificate: false, pending_update_count: 0, max_connections: 40 });
  });

  it('no secret_token → no header; a failing webhook is retried and its error shown in getWebhookInfo', async () => {
    bot.statuses.push(500, 502);
    await kit.call('setWebhook', { url: bot.url });
    kit.sandbox.userWrites(ANNA, '/start RETRY1');
    await until(() => bot.received.length === 3);
    expect(bot.received.map((r) => r.update.update_id)).toEqual([1000, 1000, 1000]);
    expect(bot.received[0]?.secret).toBeUndefined();
    await until(() => kit.sandbox.pendingUpdates().length === 0);
    const info = (await kit.call('getWebhookInfo')).body.result as Record<string, unknown>;
    expect(info).toMatchObject({ url: bot.url, pending_update_count: 0, last_error_message: 'Wrong response from the webhook: 502 Bad Gateway' });
    expect(typeof info.last_error_date).toBe('number');
    expect(kit.sandbox.webhookDeliveries().map((d) => d.httpStatus)).toEqual([500, 502, 200]);
  });

  it('an unreachable webhook keeps the update pending with "Connection refused"', async () => {
    const gone = bot.url;
    await bot.app.close();
    await kit.call('setWebhook', { url: gone });
    kit.sandbox.userWrites(ANNA, 'привет');
    await until(() => kit.sandbox.webhookDeliveries().length > 0);
    const info = (await kit.call('getWebhookInfo')).body.result;
    expect(info).toMatchObject({ pending_update_count: 1, last_error_message: 'Connection refused' });
  });

  it('setWebhook ends a waiting long poll with 409; deleteWebhook brings getUpdates back', async () => {
    const waiting = kit.call('getUpdates', { timeout: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await kit.call('setWebhook', { url: bot.url });
    expect((await waiting).status).toBe(409);

    expect((await kit.call('deleteWebhook')).body).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    expect((await kit.call('deleteWebhook')).body.description).toBe('Webhook is already deleted');
    kit.sandbox.userWrites(ANNA, '/start POLL');
    expect((await kit.call('getUpdates')).body.result).toMatchObject([{ message: { text: '/start POLL' } }]);
    expect((await kit.call('getWebhookInfo')).body.result).toEqual({ url: '', has_custom_certificate: false, pending_update_count: 1 });
  });

  it('drop_pending_updates forgets what was waiting; bad URLs and secrets are refused', async () => {
    kit.sandbox.userWrites(ANNA, 'старое');
    await kit.call('deleteWebhook', { drop_pending_updates: true });
    expect(kit.sandbox.pendingUpdates()).toEqual([]);
    expect((await kit.call('setWebhook', { url: 'ftp://example.ru/hook' })).body.description).toBe('Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    expect((await kit.call('setWebhook', { url: bot.url, secret_token: 'with space' })).body.description).toBe('Bad Request: secret token contains unallowed characters');
  });
});
