import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNA, type Kit, TOKEN, startKit } from './test-kit.js';

describe('Bot API methods', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({ botUsername: 'uslugi_test_bot' });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('getMe answers the bot, by GET or POST, method names in any case', async () => {
    const post = await kit.call('getMe');
    expect(post).toEqual({
      status: 200,
      body: {
        ok: true,
        result: expect.objectContaining({ id: 4242424242, is_bot: true, username: 'uslugi_test_bot', first_name: 'Услуги (песочница)', can_join_groups: false }),
      },
    });
    const get = await kit.call('GETME', {}, { transport: 'query' });
    expect(get.body).toEqual(post.body);
  });

  it('wrong token → 401 Unauthorized; unknown method → 404 Not Found', async () => {
    expect(await kit.call('getMe', {}, { token: '4242424242:AAH-not-the-token' })).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect(await kit.call('getMeNow')).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    const noMethod = await fetch(`${kit.sandbox.url}/bot${TOKEN}`);
    expect(noMethod.status).toBe(404);
    expect(await noMethod.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('sendMessage to someone who never wrote → 400 chat not found', async () => {
    expect(await kit.call('sendMessage', { chat_id: 777000111, text: 'Привет' })).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
    });
    expect((await kit.call('sendMessage', { chat_id: '@someone', text: 'Привет' })).body.description).toBe('Bad Request: chat not found');
  });

  it('sendMessage with HTML, a URL button and no link preview: the Message back, and the record', async () => {
    kit.sandbox.userWrites(ANNA, '/start');
    const text = 'Оплачен <b>заказ №12</b>: 1&#160;500 ₽ &lt;клиент&gt; <a href="https://uslugi.example/admin/orders/12">открыть</a>';
    const answer = await kit.call('sendMessage', {
      chat_id: ANNA.id,
      text,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: 'Заказ', url: 'https://uslugi.example/admin/orders/12' }]] },
    });
    expect(answer.status).toBe(200);
    const message = answer.body.result as Record<string, unknown>;
    expect(message).toMatchObject({
      message_id: 2,
      from: { id: 4242424242, is_bot: true, username: 'uslugi_test_bot' },
      chat: { id: ANNA.id, type: 'private', first_name: 'Анна', username: 'anna_manager' },
      text: 'Оплачен заказ №12: 1\u00a0500 ₽ <клиент> открыть',
      entities: [
        { type: 'bold', offset: 8, length: 9 },
        { type: 'text_link', offset: 36, length: 7, url: 'https://uslugi.example/admin/orders/12' },
      ],
      reply_markup: { inline_keyboard: [[{ text: 'Заказ', url: 'https://uslugi.example/admin/orders/12' }]] },
      link_preview_options: { is_disabled: true },
    });
    expect(typeof message.date).toBe('number');
    expect(message.from).not.toHaveProperty('can_join_groups');

    const sent = kit.sandbox.sent(ANNA.id).at(-1);
    expect(sent).toMatchObject({ chatId: ANNA.id, messageId: 2, sourceText: text, parseMode: 'HTML', linkPreviewOptions: { is_disabled: true }, disableNotification: false });
    expect(sent?.text).toBe(message.text);
  });

  it('takes the parameters as a url-encoded form and as a query string too', async () => {
    const form = await kit.call('sendMessage', { chat_id: String(ANNA.id), text: 'из формы', disable_web_page_preview: 'true', reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'x' }]] } }, { transport: 'form' });
    expect(form.status).toBe(200);
    expect(form.body.result).toMatchObject({ text: 'из формы', reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'x' }]] }, link_preview_options: { is_disabled: true } });
    const query = await kit.call('sendMessage', { chat_id: String(ANNA.id), text: 'из строки запроса' }, { transport: 'query' });
    expect(query.body.result).toMatchObject({ text: 'из строки запроса' });
  });

  it('parse_mode HTML errors are 400 "can\'t parse entities" and nothing is sent', async () => {
    const before = kit.sandbox.sent().length;
    const cases: [string, string][] = [
      ['Заказ <p>оплачен</p>', 'Bad Request: can\'t parse entities: Unsupported start tag "p" at byte offset 11'],
      ['<b>оплачен', 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"'],
      ['сумма < 1000', 'Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 11'],
    ];
    for (const [text, description] of cases) {
      expect(await kit.call('sendMessage', { chat_id: ANNA.id, text, parse_mode: 'HTML' })).toEqual({ status: 400, body: { ok: false, error_code: 400, description } });
    }
    // Without parse_mode the same text is just text.
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: '<b>оплачен' })).body.result).toMatchObject({ text: '<b>оплачен' });
    expect(kit.sandbox.sent().length).toBe(before + 1);
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x', parse_mode: 'BBCode' })).body.description).toBe('Bad Request: unsupported parse_mode');
  });

  it('counts the 4096 limit after parsing; empty text is refused', async () => {
    const full = 'я'.repeat(4096);
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: `<b>${full}</b>`, parse_mode: 'HTML' })).status).toBe(200);
    expect(await kit.call('sendMessage', { chat_id: ANNA.id, text: `${full}!` })).toEqual({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: message is too long' } });
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: '' })).body.description).toBe('Bad Request: message text is empty');
    expect((await kit.call('sendMessage', { chat_id: ANNA.id, text: '<b> </b>', parse_mode: 'HTML' })).body.description).toBe('Bad Request: message text is empty');
    expect((await kit.call('sendMessage', { text: 'x' })).body.description).toBe('Bad Request: chat_id is empty');
  });

  it('checks inline keyboards: a localhost URL is refused as by Telegram, a button needs an action', async () => {
    const local = await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'Открыть', url: 'http://localhost:3000/admin' }]] } });
    expect(local).toEqual({ status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: BUTTON_URL_INVALID' } });
    const textOnly = await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'Просто' }]] } });
    expect(textOnly.body.description).toBe("Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    const notRows = await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x', reply_markup: { inline_keyboard: [{ text: 'a', url: 'https://a.ru' }] } });
    expect(notRows.body.description).toBe('Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    const badUrl = await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'a', url: 'ftp://a.ru/x' }]] } });
    expect(badUrl.body.description).toBe("Bad Request: inline keyboard button URL 'ftp://a.ru/x' is invalid");
  });

  it('a person who blocked the bot → 403; writing to it again lifts the block', async () => {
    const boris = { id: 5550002, firstName: 'Борис' };
    kit.sandbox.userWrites(boris, '/start');
    kit.sandbox.blockBot(boris.id);
    expect(await kit.call('sendMessage', { chat_id: boris.id, text: 'Оплачен заказ' })).toEqual({
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    const kicked = kit.sandbox.pendingUpdates().at(-1);
    expect(kicked?.my_chat_member).toMatchObject({ chat: { id: boris.id }, old_chat_member: { status: 'member' }, new_chat_member: { status: 'kicked', user: { id: 4242424242 } } });

    kit.sandbox.userWrites(boris, '/start');
    expect(kit.sandbox.pendingUpdates().slice(-2).map((update) => update.my_chat_member?.new_chat_member.status ?? update.message?.text)).toEqual(['member', '/start']);
    expect((await kit.call('sendMessage', { chat_id: boris.id, text: 'Оплачен заказ' })).status).toBe(200);
  });
});

describe('local button URLs when allowed', () => {
  it('acceptLocalButtonUrls lets http://localhost buttons through', async () => {
    const kit = await startKit({ acceptLocalButtonUrls: true });
    try {
      kit.sandbox.userWrites(ANNA, '/start');
      const answer = await kit.call('sendMessage', { chat_id: ANNA.id, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'Открыть', url: 'http://localhost:3000/admin' }]] } });
      expect(answer.status).toBe(200);
    } finally {
      await kit.close();
    }
  });
});
