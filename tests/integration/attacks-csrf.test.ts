import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, type Fingerprint } from '../helpers/attack-db.js';
import { attackWorld, concrete, type AttackWorld } from '../helpers/attack-world.js';
import { backends } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

// Every state-changing route of the app (its own route list: a new POST is covered by itself),
// posted the way a forged cross-site form would be: with the victim's cookies but no valid token.
// Each must answer 403 and change nothing. The gateway's callbacks carry no token: they must refuse
// an unsigned request instead.

const CALLBACKS = ['/payments/freedompay/result', '/payments/freedompay/check'];
/** Proven by an API key header, not by cookies (tests/integration/tilda.test.ts). */
const KEYED = ['/integrations/tilda/lead'];
/**
 * The cash register's callback: unsigned by its protocol, so it trusts nothing in the body and only makes
 * us read the receipt's report again (forged ones: tests/integration/receipts-flow.test.ts).
 */
const HINTS = ['/receipts/atol/callback'];

/** What a forged form would carry besides the missing token: plausible fields for every form. */
const fields = {
  name: 'Злоумышленник',
  email: 'evil@example.ru',
  phone: '+7 900 000-00-00',
  comment: 'x',
  accept_offer: 'on',
  consent_pd: 'on',
  login: 'evil',
  password: 'пароль злоумышленника длинный',
  password_confirm: 'пароль злоумышленника длинный',
  role: 'admin',
  staff_id: '00000000-0000-4000-8000-000000000000',
  note: 'x',
  text: 'x',
  hours: '1',
  reason: 'x',
  amount: '1',
  kind: 'refund',
  title: 'x',
  slug: 'evil',
  year: '2030',
  date: '2026-11-25',
  type: 'holiday',
  status: 'final',
};

describe.each(backends)('CSRF on every state-changing route on %s', (backend) => {
  let world: AttackWorld;
  let posts: string[];
  let before: Fingerprint;
  /** A token that is valid, but for another browser's CSRF secret (an attacker's own session). */
  let foreignToken: string;

  beforeAll(async () => {
    world = await attackWorld(backend);
    posts = world.t.app.routeList.filter((r) => r.method === 'POST').map((r) => r.url);
    const attacker = visitor(world.t.app, '203.0.113.66');
    foreignToken = /name="_csrf" value="([^"]+)"/.exec((await attacker.get('/account/login')).body)![1]!;
    before = await fingerprint(world.t);
  });
  afterAll(() => world.close());

  /** Who a forged post would ride on: the admin for the back office, the signed-in client elsewhere. */
  const victim = (url: string): Visitor => (url.startsWith('/admin') ? world.admin.browser : world.client.browser);

  function forge(browser: Visitor, url: string, body: Record<string, string>, ip: string) {
    const cookie = ['session', 'staff_session', 'csrf']
      .map((name) => [name, browser.cookie(name)] as const)
      .filter(([, value]) => value)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    return world.t.app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      remoteAddress: ip,
      payload: new URLSearchParams(body).toString(),
    });
  }

  it('covers the forms of every area', () => {
    expect(posts.length).toBeGreaterThan(40);
    for (const url of ['/services/:slug/order', '/orders/:ref/pay', '/account/profile', '/account/logout', '/admin/orders/:id/contacts', '/admin/payments/:attemptId/return', '/admin/staff/invite', ...CALLBACKS]) {
      expect(posts).toContain(url);
    }
  });

  it('refuses a post without a token, with an empty one, and with a token of another browser: 403, nothing changed', async () => {
    const answers: string[] = [];
    let n = 0;
    for (const pattern of posts.filter((p) => !CALLBACKS.includes(p) && !KEYED.includes(p) && !HINTS.includes(p))) {
      const url = concrete(pattern, world.ids);
      const browser = victim(url);
      for (const [variant, token] of [['no token', undefined], ['empty token', ''], ['foreign token', foreignToken]] as const) {
        const body = token === undefined ? fields : { ...fields, _csrf: token };
        const response = await forge(browser, url, body, `192.0.2.${++n % 250}`);
        if (response.statusCode !== 403) answers.push(`${variant} POST ${url}: ${response.statusCode} ${response.headers.location ?? ''}`);
      }
    }
    expect(answers).toEqual([]);
    expect(await fingerprint(world.t)).toEqual(before);
  });

  it('still serves the victims afterwards (the forged posts signed nobody out)', async () => {
    expect((await world.client.browser.get('/account')).statusCode).toBe(200);
    expect((await world.admin.browser.get('/admin')).statusCode).toBe(200);
  });

  it('accepts the same form with the page’s own token (the refusals above were for the token)', async () => {
    const saved = await world.client.browser.post('/account/profile', { name: 'Вера Жертвова', phone: '+7 912 345-67-89' }, '/account/profile');
    expect(saved.statusCode).toBe(303);
    const card = `/admin/orders/${world.ids.orderId}`;
    const noted = await world.admin.browser.post(`${card}/contacts`, { channel: 'email', outcome: 'no_answer', contacted_at: '2026-11-24T11:20', note: 'x' }, card);
    expect(noted.statusCode).not.toBe(403);
  });

  it('answers an unsigned gateway callback with an error and changes nothing', async () => {
    const now = await fingerprint(world.t);
    for (const url of CALLBACKS) {
      const unsigned = new URLSearchParams({ pg_order_id: world.ids.attemptId, pg_payment_id: '100000', pg_amount: '15000.00', pg_currency: 'RUB', pg_result: '1', pg_salt: 'x' });
      const response = await fetch(`${world.t.baseUrl}${url}`, { method: 'POST', body: unsigned });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<pg_status>error<\/pg_status>/);
    }
    expect(await fingerprint(world.t)).toEqual(now);
  });
});
