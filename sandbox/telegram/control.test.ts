import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, startKit } from './test-kit.js';

const postJson = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('/sandbox control routes (for a fake in another process)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(async () => {
    await kit.close();
  });

  it('a person writes, the bot answers, the controls show both; block and unblock', async () => {
    const base = `${kit.sandbox.url}/sandbox`;
    const wrote = await postJson(`${base}/messages`, { userId: 90001, firstName: 'Глеб', username: 'gleb_ops', text: '/start Z9Z9Z9' });
    expect(wrote.status).toBe(200);
    expect(await wrote.json()).toMatchObject({ update: { update_id: 1000, message: { text: '/start Z9Z9Z9', from: { id: 90001 } } } });
    expect((await postJson(`${base}/messages`, { userId: -1, firstName: '', text: '' })).status).toBe(400);

    await kit.call('sendMessage', { chat_id: 90001, text: 'Готово: <b>привязан</b>', parse_mode: 'HTML' });
    const sent = (await fetch(`${base}/sent?chatId=90001`).then((r) => r.json())) as { text: string; entities: unknown[] }[];
    expect(sent).toMatchObject([{ text: 'Готово: привязан', entities: [{ type: 'bold', offset: 8, length: 8 }] }]);
    expect(await fetch(`${base}/updates`).then((r) => r.json())).toMatchObject([{ update_id: 1000 }]);

    expect((await postJson(`${base}/users/90001/block`, {})).status).toBe(200);
    expect(await fetch(`${base}/users`).then((r) => r.json())).toMatchObject([{ user: { id: 90001, username: 'gleb_ops' }, blocked: true }]);
    expect((await kit.call('sendMessage', { chat_id: 90001, text: 'x' })).status).toBe(403);
    expect((await postJson(`${base}/users/90001/unblock`, {})).status).toBe(200);
    expect((await postJson(`${base}/users/12345/block`, {})).status).toBe(404);
  });
});
