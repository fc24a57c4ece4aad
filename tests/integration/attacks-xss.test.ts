import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markupEmail, quoteName, unsafeMarkup, xssEmail, xssPayloads, xssText } from '../helpers/attack-payloads.js';
import { attackWorld, concrete, storeXssProbes, type AttackWorld, type StoredProbes } from '../helpers/attack-world.js';
import { paidOrder } from '../helpers/accounts.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

// Stored and reflected XSS: probes typed into every input (order form, profile, every staff form,
// a session's browser name), then every page of the app read as an anonymous visitor, the client
// and an admin. No page may carry markup that runs: an event handler, a javascript: link, a script
// without the nonce. The escaped text must be there (the pages did show the probes).

const TITLE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

describe.each(backends)('XSS probes in every input on %s', (backend) => {
  let world: AttackWorld;
  let stored: StoredProbes;

  beforeAll(async () => {
    world = await attackWorld(backend, { text: xssText, name: quoteName });
    stored = await storeXssProbes(world, { text: xssText, email: xssEmail, markupEmail, name: quoteName, title: TITLE });
  });
  afterAll(() => world.close());

  it('shows the stored probes escaped on every page, to everyone', async () => {
    const routes = world.t.app.routeList.filter((r) => r.method === 'GET').map((r) => concrete(r.url, world.ids));
    const readers = [
      { who: 'anonymous', browser: visitor(world.t.app, '203.0.113.240'), extra: stored.publicPages },
      { who: 'client', browser: world.client.browser, extra: [...stored.clientPages, ...stored.publicPages] },
      { who: 'admin', browser: world.admin.browser, extra: [...stored.adminPages, ...stored.publicPages] },
    ];
    const problems: string[] = [];
    let escapedSeen = 0;
    for (const { who, browser, extra } of readers) {
      for (const url of [...new Set([...routes, ...extra])]) {
        const response = await browser.get(url);
        if (response.statusCode >= 500) problems.push(`${who} ${url}: ${response.statusCode}`);
        for (const found of unsafeMarkup(response.body)) problems.push(`${who} ${url}: ${found}`);
        if (response.body.includes('&lt;script>alert(1)&lt;/script>')) escapedSeen += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(escapedSeen).toBeGreaterThan(15);
  });

  it('shows the probes as the text they are where they were typed', async () => {
    const card = (await world.admin.browser.get(`/admin/orders/${world.ids.orderId}`)).body;
    // Every probe of the comment, notes and specification is there, escaped (preact escapes < & " — a
    // lone > is harmless), and template syntax is left as typed.
    expect(card).toContain('{{7*7}} ${7*7} &lt;%= 7*7 %>');
    expect(card).toContain('&lt;/textarea>&lt;script>alert(5)&lt;/script>');
    expect(card).toContain(quoteName);
    const account = (await world.client.browser.get(`/account/orders/${world.ids.orderRef}`)).body;
    expect(account).toContain('&lt;script>alert(1)&lt;/script>');
    const service = (await visitor(world.t.app, '203.0.113.241').get('/services/xss-probe')).body;
    expect(service).toContain('&lt;script>alert(1)&lt;/script>');
    expect(xssPayloads.length).toBeGreaterThan(8);
  });

  it('shows refused forms and searches again with the probes escaped', () => {
    const problems = stored.refusals.flatMap(({ what, status, body }) => [
      ...(status >= 500 ? [`${what}: ${status}`] : []),
      ...unsafeMarkup(body).map((found) => `${what} (${status}): ${found}`),
    ]);
    expect(problems).toEqual([]);
    expect(stored.refusals.filter((r) => r.body.includes('&lt;script>alert(1)')).length).toBeGreaterThan(8);
    // A markup address is refused at the form, not accepted and then refused by the mailer after payment.
    for (const what of ['order form, markup address', 'staff invite, markup address']) {
      expect({ what, status: stored.refusals.find((r) => r.what === what)?.status }).toEqual({ what, status: 422 });
    }
  });
});

describe.each(backends)('XSS probes in the emails, read in the dev mailbox on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false }); // no SMTP_URL: the dev mailbox is on
  });
  afterAll(() => t.close());

  it('renders every email of a probe-filled order escaped, in the list, the page and its frame', async () => {
    await paidOrder(t, { email: xssEmail, name: quoteName, comment: xssText });
    const reader = visitor(t.app, '127.0.0.1'); // the dev mailbox answers loopback clients only
    const list = await reader.get('/dev/mailbox');
    const ids = [...list.body.matchAll(/href="\/dev\/mailbox\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const problems = unsafeMarkup(list.body).map((found) => `list: ${found}`);
    for (const id of ids) {
      const page = await reader.get(`/dev/mailbox/${id}`);
      expect(page.statusCode).toBe(200);
      problems.push(...unsafeMarkup(page.body).map((found) => `${id}: ${found}`));
    }
    expect(problems).toEqual([]);
  });
});
