import { afterEach, describe, expect, it } from 'vitest';
import { DAY, GROUP, type Kit, LOGIN, OTHER_GROUP, OTHER_LOGIN, PASSWORD, TIMESTAMP, UUID, frozenAt, prepayment, startKit } from './test-kit.js';

describe('getToken and the Token header', () => {
  let kit: Kit;
  afterEach(async () => {
    await kit.close();
  });

  it('issues a token with error null and a Moscow timestamp; a second call within its life returns the same one', async () => {
    kit = await startKit(frozenAt('2026-02-05T09:00:01Z'));
    const answer = await kit.call('POST', '/getToken', { body: { login: LOGIN, pass: PASSWORD } });
    expect(answer.http).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ error: null, token: expect.any(String), timestamp: '05.02.2026 12:00:01' });
    expect(String(answer.body.token)).toMatch(/^[A-Za-z0-9_-]{128}$/);
    await kit.sandbox.advanceClock(10 * 60 * 60 * 1000);
    expect(await kit.token()).toBe(answer.body.token);
  });

  it("tokenReissue 'new' gives a fresh token each time, and both stay valid", async () => {
    kit = await startKit({ tokenReissue: 'new' });
    const first = await kit.token();
    const second = await kit.token();
    expect(second).not.toBe(first);
    for (const token of [first, second]) expect((await kit.register('sell', prepayment(), token)).http).toBe(200);
  });

  it('a token expires tokenTtlMs after first issue → 401 code 11; getToken then issues a new one', async () => {
    kit = await startKit(frozenAt('2026-02-05T09:00:00Z'));
    const token = await kit.token();
    await kit.sandbox.advanceClock(DAY - 1000);
    expect((await kit.register('sell', prepayment(), token)).http).toBe(200);
    // Asked again at +24 h − 1 s: the same token, with its remaining second (not a new 24 h).
    expect(await kit.token()).toBe(token);
    await kit.sandbox.advanceClock(1000);
    const expired = await kit.register('sell', prepayment(), token);
    expect(expired.http).toBe(401);
    expect(expired.body).toEqual({
      error: { error_id: expect.stringMatching(UUID), code: 11, text: 'Переданный токен не активен', type: 'system' },
      timestamp: expect.stringMatching(TIMESTAMP),
    });
    const fresh = await kit.token();
    expect(fresh).not.toBe(token);
    expect((await kit.register('sell', prepayment(), fresh)).http).toBe(200);
  });

  it('a short tokenTtlMs works the same way', async () => {
    kit = await startKit({ ...frozenAt('2026-02-05T09:00:00Z'), tokenTtlMs: 5000 });
    const token = await kit.token();
    const unknownUuid = '00000000-0000-4000-8000-000000000000';
    await kit.sandbox.advanceClock(4999);
    expect((await kit.report(unknownUuid, token)).body).toMatchObject({ error: { code: 30 } });
    await kit.sandbox.advanceClock(1);
    expect((await kit.report(unknownUuid, token)).body).toMatchObject({ error: { code: 11 } });
  });

  it('expireTokens(): every token issued so far answers code 11 at once (and over HTTP)', async () => {
    kit = await startKit();
    const token = await kit.token();
    kit.sandbox.expireTokens();
    const answer = await kit.register('sell', prepayment(), token);
    expect(answer.http).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 11 } });
    const fresh = await kit.token();
    expect((await kit.register('sell', prepayment(), fresh)).http).toBe(200);

    const control = await fetch(`${kit.sandbox.url}/sandbox/tokens/expire`, { method: 'POST' });
    expect(control.status).toBe(200);
    expect((await kit.register('sell', prepayment(), fresh)).body).toMatchObject({ error: { code: 11 } });
  });

  it('wrong login or password → 401 code 12', async () => {
    kit = await startKit();
    for (const body of [
      { login: LOGIN, pass: 'wrong' },
      { login: 'nobody', pass: PASSWORD },
    ]) {
      const answer = await kit.call('POST', '/getToken', { body });
      expect(answer.http).toBe(401);
      expect(answer.body).toEqual({
        error: { error_id: expect.stringMatching(UUID), code: 12, text: 'Неверный логин или пароль', type: 'system' },
        timestamp: expect.stringMatching(TIMESTAMP),
      });
    }
  });

  it('a malformed getToken body → 400 code 32, status fail, with the fields named', async () => {
    kit = await startKit();
    const pattern = await kit.call('POST', '/getToken', { body: { login: 'bad login!', pass: PASSWORD } });
    expect(pattern.http).toBe(400);
    expect(pattern.body).toMatchObject({
      status: 'fail',
      error: { code: 32, type: 'system', text: 'Ошибка валидации входящего чека. Ошибочные поля : PatternMismatch: #/login' },
    });
    const missing = await kit.call('POST', '/getToken', { body: { login: LOGIN } });
    expect(missing.body).toMatchObject({ error: { code: 32, text: expect.stringContaining('PropertyRequired: #/pass') } });
    const long = await kit.call('POST', '/getToken', { body: { login: 'a'.repeat(101), pass: PASSWORD } });
    expect(long.body).toMatchObject({ error: { code: 32, text: expect.stringContaining('StringTooLong: #/login') } });
  });

  it('a blocked user → 403 code 14', async () => {
    kit = await startKit({ groups: [{ login: 'blocked', password: 'p', groupCode: 'g_1', blocked: true }] });
    const answer = await kit.call('POST', '/getToken', { body: { login: 'blocked', pass: 'p' } });
    expect(answer.http).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: 14, text: 'Пользователь заблокирован' } });
  });

  it('no token or an unknown one → 401 code 10; ?token= works like the header', async () => {
    kit = await startKit();
    const none = await kit.call('POST', `/${GROUP}/sell`, { body: prepayment() });
    expect(none.http).toBe(401);
    expect(none.body).toMatchObject({ error: { code: 10, text: 'Не распознан токен запроса', type: 'system' } });
    expect(none.body.status).toBeUndefined();
    const unknown = await kit.call('POST', `/${GROUP}/sell`, { token: 'not-a-token', body: prepayment() });
    expect(unknown.body).toMatchObject({ error: { code: 10 } });
    const token = await kit.token();
    const query = await kit.call('POST', `/${GROUP}/sell`, { query: `?token=${token}`, body: prepayment() });
    expect(query.http).toBe(200);
  });

  it("another login's group → 401 code 20 (register and report)", async () => {
    kit = await startKit();
    const token = await kit.token();
    const register = await kit.call('POST', `/${OTHER_GROUP}/sell`, { token, body: prepayment() });
    expect(register.http).toBe(401);
    expect(register.body).toMatchObject({ error: { code: 20, text: 'Код группы, указанный в запросе, не соответствует токену.' } });
    const otherToken = await kit.token(OTHER_LOGIN, 'other-password');
    const report = await kit.report('00000000-0000-4000-8000-000000000000', otherToken);
    expect(report.body).toMatchObject({ error: { code: 20 } });
  });

  it('the v4 service answers 401 code 21 (the groups are ФФД 1.2)', async () => {
    kit = await startKit();
    const response = await fetch(`${kit.sandbox.url}/possystem/v4/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: LOGIN, pass: PASSWORD }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 21 } });
  });
});
