import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '../../src/db/schema/index.js';
import { changedTables, fingerprint } from '../helpers/attack-db.js';
import { sqlPayloads } from '../helpers/attack-payloads.js';
import { attackWorld, concrete, type AttackWorld } from '../helpers/attack-world.js';
import { submitOrder, validOrder } from '../helpers/order-form.js';
import { backends } from '../helpers/test-app.js';
import { visitor } from '../helpers/visitor.js';

// SQL-injection strings in every search box, filter, path parameter and form field: each is only
// text. A clean refusal (400, 404, 422…) or success, never a 500; no rows appear or vanish beyond
// what the action legitimately does; a search for an injection finds nothing rather than everything.

/** The client's row in a result list (the name, or the address as the lists break it). */
const listsVictim = (body: string) => /Жертвова|victim<wbr\/>@/.test(body);

// Not 403: every request here carries a valid token and a role allowed everywhere, so a 403 would
// mean the probe never reached the code under test.
const FINE = [200, 303, 400, 401, 404, 409, 422, 429];

describe.each(backends)('SQL injection on %s', (backend) => {
  let world: AttackWorld;
  let ip = 0;
  const nextIp = () => `192.0.2.${++ip}`;

  beforeAll(async () => {
    world = await attackWorld(backend);
  });
  afterAll(() => world.close());

  it('searches and filters of the back office find nothing for an injection, and never fail', async () => {
    const admin = world.admin.browser;
    // The searches do find the client by a real value: an empty result below is the injection failing.
    for (const url of ['/admin/clients?q=victim', `/admin/payments?q=${world.ids.orderRef}`, '/admin/emails?address=victim@example.ru']) {
      expect({ url, found: listsVictim((await admin.get(url)).body) }).toEqual({ url, found: true });
    }
    const before = await fingerprint(world.t);
    const problems: string[] = [];
    for (const payload of sqlPayloads) {
      const p = encodeURIComponent(payload);
      const searches = ['/admin/clients?q=', '/admin/payments?q=', '/admin/emails?address='];
      const filters = ['/admin/emails?status=', '/admin/orders?state=', '/admin/orders?page=', '/admin/queue?filter=', '/admin/clients?page='];
      const audit = ['staff', 'action', 'entity', 'entity_id', 'from', 'to'].map((field) => `/admin/audit?${field}=`);
      for (const url of [...searches, ...filters, ...audit].map((u) => u + p)) {
        const response = await admin.get(url);
        if (!FINE.includes(response.statusCode)) problems.push(`GET ${url}: ${response.statusCode}`);
        if (searches.some((s) => url.startsWith(s)) && listsVictim(response.body)) problems.push(`GET ${url} listed the client`);
      }
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await fingerprint(world.t))).toEqual({});
  });

  it('path parameters of every page take an injection as a missing record', async () => {
    const pages = world.t.app.routeList.filter((r) => r.method === 'GET' && r.url.includes(':')).map((r) => r.url);
    const before = await fingerprint(world.t);
    const problems: string[] = [];
    for (const payload of sqlPayloads) {
      for (const pattern of pages) {
        const url = concrete(pattern, world.ids).replace(/[0-9a-f]{8}-[0-9a-f-]{27}|site-support|2026(-11-24)?|[\w-]{24}/, encodeURIComponent(payload));
        const browser = url.startsWith('/admin') ? world.admin.browser : world.client.browser;
        const response = await browser.get(url);
        if (!FINE.includes(response.statusCode)) problems.push(`GET ${url}: ${response.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
    expect(changedTables(before, await fingerprint(world.t))).toEqual({});
  });

  it('the order form keeps an injection in the comment as text and refuses it elsewhere', async () => {
    for (const payload of sqlPayloads) {
      const before = await fingerprint(world.t);
      for (const field of ['name', 'email', 'phone'] as const) {
        const refused = await submitOrder(world.t.app, 'site-support', { ...validOrder, email: 'sqli@example.ru', [field]: payload }, { remoteAddress: nextIp() });
        expect({ field, payload, status: refused.statusCode }).toEqual({ field, payload, status: 422 });
      }
      expect(changedTables(before, await fingerprint(world.t))).toEqual({});

      const placed = await submitOrder(world.t.app, 'site-support', { ...validOrder, email: 'sqli@example.ru', comment: payload }, { remoteAddress: nextIp() });
      expect(placed.statusCode).toBe(303);
      const changed = changedTables(before, await fingerprint(world.t));
      expect(changed).toEqual({ orders: 1, payment_attempts: 1 });
      const [stored] = await world.t.deps.db.select().from(orders).where(eq(orders.customerEmail, 'sqli@example.ru')).orderBy(orders.createdAt);
      expect(stored).toBeDefined();
    }
    const comments = (await world.t.deps.db.select({ comment: orders.comment }).from(orders).where(eq(orders.customerEmail, 'sqli@example.ru'))).map((r) => r.comment);
    expect(comments.sort()).toEqual([...sqlPayloads].sort());
  });

  it('sign-in and account forms answer an injection as a wrong value', async () => {
    for (const payload of sqlPayloads) {
      const before = await fingerprint(world.t);
      const client = await visitor(world.t.app, nextIp()).post('/account/login', { login: payload, password: payload }, '/account/login');
      expect(client.statusCode).toBe(401);
      const staff = await visitor(world.t.app, nextIp()).post('/admin/login', { email: payload, password: payload }, '/admin/login');
      expect(staff.statusCode).toBe(401);
      const forgot = await visitor(world.t.app, nextIp()).post('/account/password/forgot', { email: payload }, '/account/password/forgot');
      expect(FINE).toContain(forgot.statusCode);
      const profile = await world.client.browser.post('/account/profile', { name: payload, phone: payload }, '/account/profile');
      expect(profile.statusCode).toBe(422);
      const email = await world.client.browser.post('/account/email', { email: payload, password: payload }, '/account/profile');
      expect(FINE).toContain(email.statusCode);
      // Failed sign-ins are counted (per account name, per IP): that is all that may change.
      const changed = Object.keys(changedTables(before, await fingerprint(world.t)));
      expect(changed.filter((table) => table !== 'login_failures')).toEqual([]);
    }
    expect((await world.client.browser.get('/account')).statusCode).toBe(200);
  });

  it('every back-office form takes an injection in every field without failing or losing a row', async () => {
    const forms = world.t.app.routeList
      .filter((r) => r.method === 'POST' && r.url.startsWith('/admin') && !/logout|login|setup|invite$|enrol|\/staff\/:id/.test(r.url))
      .map((r) => r.url);
    expect(forms.length).toBeGreaterThan(15);
    const fieldNames = ['amount', 'reason', 'work_done', 'kind', 'note', 'text', 'hours', 'work_date', 'channel', 'outcome', 'contacted_at', 'staff_id', 'method', 'title', 'slug', 'summary', 'description', 'price', 'billing', 'included_hours', 'hourly_rate', 'sort_order', 'date', 'type', 'status', 'year', 'email', 'name', 'role'];
    let fetchedToken = false;
    for (const payload of sqlPayloads) {
      const before = await fingerprint(world.t);
      for (const pattern of forms) {
        const url = concrete(pattern, world.ids);
        const body = Object.fromEntries(fieldNames.map((name) => [name, payload]));
        // One CSRF secret per browser: the token of the first page serves every form.
        const response = await world.admin.browser.post(url, body, fetchedToken ? undefined : '/admin/catalog/new');
        fetchedToken = true;
        expect({ url, payload, fine: FINE.includes(response.statusCode) }).toEqual({ url, payload, fine: true });
      }
      const after = await fingerprint(world.t);
      for (const table of Object.keys(before)) expect({ table, rows: after[table]!.rows >= before[table]!.rows }).toEqual({ table, rows: true });
      for (const table of ['orders', 'clients', 'staff', 'services', 'payment_attempts', 'invoices']) expect({ table, rows: after[table]!.rows }).toEqual({ table, rows: before[table]!.rows });
    }
    // Nobody was signed out or demoted by a stray statement.
    expect((await world.admin.browser.get(`/admin/staff`)).statusCode).toBe(200);
  });
});
