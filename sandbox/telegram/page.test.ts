import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNA, type Kit, startKit } from './test-kit.js';
import type { Update } from './types.js';

const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' as const });

describe('the page at /', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({ botUsername: 'uslugi_test_bot' });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('shows what the bot sent: its formatting as Telegram would, everything else escaped', async () => {
    kit.sandbox.userWrites(ANNA, '/start');
    await kit.call('sendMessage', { chat_id: ANNA.id, text: '<b>Заказ №5</b> оплачен: &lt;script&gt;alert(1)&lt;/script&gt; <a href="https://uslugi.example/o/5">открыть</a>', parse_mode: 'HTML' });
    await kit.call('sendMessage', { chat_id: ANNA.id, text: 'без разметки <i>так и есть</i>' });
    await kit.call('sendMessage', { chat_id: ANNA.id, text: 'ссылка', entities: [{ type: 'text_link', offset: 0, length: 6, url: 'javascript:alert(2)' }] });

    const response = await fetch(`${kit.sandbox.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Бот @uslugi_test_bot');
    expect(html).toContain('<b>Заказ №5</b> оплачен: &lt;script>alert(1)&lt;/script>');
    expect(html).toContain('<a href="https://uslugi.example/o/5" rel="noopener noreferrer nofollow" target="_blank" title="https://uslugi.example/o/5">открыть</a>');
    expect(html).toContain('без разметки &lt;i>так и есть&lt;/i>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript:');
  });

  it('its form sends "/start CODE" as the given person, which the bot gets through getUpdates', async () => {
    const page = await fetch(`${kit.sandbox.url}/?start=K7PQ2Z`).then((r) => r.text());
    expect(page).toContain('value="/start K7PQ2Z"');

    await kit.call('getUpdates', { offset: -1 });
    const before = kit.sandbox.pendingUpdates().at(-1)?.update_id ?? 0;
    const sent = await fetch(`${kit.sandbox.url}/write`, form({ userId: '700100200', firstName: 'Ольга', username: '@olga_sales', text: '/start K7PQ2Z' }));
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/#chat-700100200');

    const updates = (await kit.call('getUpdates', { offset: before + 1 })).body.result as Update[];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toMatchObject({ text: '/start K7PQ2Z', from: { id: 700100200, first_name: 'Ольга', username: 'olga_sales' }, chat: { id: 700100200, type: 'private' } });
    expect(await fetch(`${kit.sandbox.url}/`).then((r) => r.text())).toContain('id="chat-700100200"');
  });

  it('a wrong form comes back 400 with a Russian explanation and the values kept', async () => {
    const response = await fetch(`${kit.sandbox.url}/write`, form({ userId: 'abc', firstName: 'Ольга', text: '/start X' }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Telegram id — это положительное целое число');
    expect(html).toContain('value="abc"');
  });

  it('blocking from the page makes sendMessage answer 403', async () => {
    const blocked = await fetch(`${kit.sandbox.url}/people/${ANNA.id}/block`, form({}));
    expect(blocked.status).toBe(303);
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x' })).status).toBe(403);
    expect(await fetch(`${kit.sandbox.url}/`).then((r) => r.text())).toContain('бот заблокирован');
    await fetch(`${kit.sandbox.url}/people/${ANNA.id}/unblock`, form({}));
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x' })).status).toBe(200);
  });
});
