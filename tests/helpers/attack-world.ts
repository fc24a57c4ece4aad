import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Order } from '../../src/db/queries/orders.js';
import { emails, invoices, paymentAttempts, services } from '../../src/db/schema/index.js';
import { NEW_PASSWORD, paidOrder, signedInClient } from './accounts.js';
import { returnMoney } from './money-returns.js';
import { submitOrder, validOrder } from './order-form.js';
import { startTestSmtp, type TestSmtp } from './smtp.js';
import { staffBrowser } from './staff.js';
import { createTestApp, manualClock, type Backend, type TestApp } from './test-app.js';
import { visitor, type Visitor } from './visitor.js';

// One small shop for the attack tests: a signed-in client whose paid order went through the whole
// back-office workflow (contact, specification, work, hours, extra hours the client approved, a surcharge invoice) by an admin's
// forms, so that every page has something to show. The free texts are the caller's (plain or probes).

export const SOME_ID = '00000000-0000-4000-8000-000000000000';
/** A Tuesday, 11:20 in Moscow: working hours, so the workflow's rules all allow the steps. */
export const WORLD_START = new Date('2026-11-24T11:20:00+03:00');

export interface WorldIds {
  slug: string;
  serviceId: string;
  orderId: string;
  orderRef: string;
  clientId: string;
  attemptId: string;
  emailId: string;
  invoiceId: string;
  invoiceRef: string;
  staffId: string;
}

export interface AttackWorld {
  t: TestApp;
  smtp: TestSmtp;
  clock: ReturnType<typeof manualClock>;
  client: { browser: Visitor; login: string; password: string; order: Order };
  admin: { browser: Visitor; member: { id: string; email: string }; secret: string };
  ids: WorldIds;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** The text put into every free-text field of the workflow (comment, notes, specification, reason). */
  text?: string;
  name?: string;
}

export async function attackWorld(backend: Backend, options: WorldOptions = {}): Promise<AttackWorld> {
  const text = options.text ?? 'Обсудили задачи';
  const clock = manualClock(WORLD_START);
  const smtp = await startTestSmtp();
  const t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
  const admin = await staffBrowser(t, 'admin', '198.51.100.200');
  const client = await signedInClient(t, smtp.received, { email: 'victim@example.ru', name: options.name ?? 'Вера Жертвова', comment: text }, '203.0.113.200');
  const orderId = client.order.id;
  const card = `/admin/orders/${orderId}`;

  const step = async (url: string, fields: Record<string, string>, from = card) => expectRedirect(url, await admin.browser.post(url, fields, from));
  await step(`${card}/take`, {});
  await step(`${card}/contacts`, { channel: 'phone', outcome: 'reached', contacted_at: '2026-11-24T11:20', note: text });
  await step(`${card}/specification`, { text, hours: '5' });
  await step(`${card}/start`, {});
  await step(`${card}/hours`, { work_date: '2026-11-24', hours: '7,5', note: text });
  // Hours past the specification are invoiced only after the client approved them in the account.
  await step(`${card}/extra-hours`, { hours: '2,5', note: text });
  const accountOrder = `/account/orders/${client.order.publicRef}`;
  const approve = /action="(\/account\/orders\/[^"]+\/extra-hours\/[^"]+)"/.exec((await client.browser.get(accountOrder)).body)?.[1];
  if (!approve) throw new Error(`no extra-hours approval form on ${accountOrder}`);
  expectRedirect(approve, await client.browser.post(approve, { answer: 'approve' }, accountOrder));
  await step(`${card}/invoices`, { amount: '7 000', reason: text }, `${card}/invoices/new`);

  const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId));
  const [email] = await t.deps.db.select().from(emails).where(and(eq(emails.orderId, orderId), eq(emails.secret, false)));
  const [invoice] = await t.deps.db.select().from(invoices).where(eq(invoices.orderId, orderId));
  const [service] = await t.deps.db.select().from(services).where(eq(services.slug, 'site-support'));
  const ids: WorldIds = {
    slug: 'site-support',
    serviceId: service!.id,
    orderId,
    orderRef: client.order.publicRef,
    clientId: client.order.clientId!,
    attemptId: attempt!.id,
    emailId: email!.id,
    invoiceId: invoice!.id,
    invoiceRef: invoice!.publicRef,
    staffId: admin.member.id,
  };
  return {
    t,
    smtp,
    clock,
    client,
    admin,
    ids,
    async close() {
      await t.close();
      await smtp.stop();
    },
  };
}

export function expectRedirect(url: string, response: LightMyRequestResponse): LightMyRequestResponse {
  if (response.statusCode !== 303) {
    const said = response.body.replace(/<head>.*<\/head>/s, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    throw new Error(`POST ${url} answered ${response.statusCode}: ${said.slice(0, 1500)}`);
  }
  return response;
}

/** A route pattern with this world's records in its parameters (unknown ones get an id nobody has). */
export function concrete(url: string, ids: WorldIds): string {
  const byArea: [string, string][] = [
    ['/admin/orders/', ids.orderId],
    ['/admin/clients/', ids.clientId],
    ['/admin/emails/', ids.emailId],
    ['/admin/invoices/', ids.invoiceId],
    ['/admin/catalog/', ids.serviceId],
    ['/admin/staff/', ids.staffId],
    ['/dev/mailbox/', ids.emailId],
  ];
  const id = byArea.find(([prefix]) => url.startsWith(prefix))?.[1] ?? SOME_ID;
  return url
    .replace('/legal/:document/:date', '/legal/offer/2026-11-23')
    .replace(':document', 'offer')
    .replace(':type', 'order_paid')
    .replace('/static/altcha/*', '/static/altcha/external/altcha.css')
    .replace('/static/*', '/static/styles.css')
    .replace(':slug', ids.slug)
    .replace(':ref', url.startsWith('/account/invoices/') ? ids.invoiceRef : ids.orderRef)
    .replace(':attemptId', ids.attemptId)
    .replace(':operationId', SOME_ID)
    .replace(':year', '2026')
    .replace(':date', '2026-11-24')
    .replace(':id', id);
}

export interface StoredProbes {
  /** Pages that show the probes, besides every route of the app: records made only for the probes. */
  adminPages: string[];
  clientPages: string[];
  publicPages: string[];
  /** The answers to forms that were refused and shown again with what was typed (reflected input). */
  refusals: { what: string; status: number; body: string }[];
}

/**
 * Stores XSS probes through every input a person can reach, on top of a world built with
 * `text: xssText`: an order with a markup email address, the client's profile, a catalog service,
 * a staff invitation, the invoice's payment note, a refund's reason and notes, a session's browser
 * name; and submits refused forms with probes to see them shown back.
 */
export async function storeXssProbes(world: AttackWorld, probes: { text: string; email: string; markupEmail: string; name: string; title: string }): Promise<StoredProbes> {
  const { t, admin, ids } = world;
  const adminPages: string[] = [];
  const clientPages: string[] = [];
  const publicPages: string[] = [];
  const refusals: StoredProbes['refusals'] = [];
  const refused = (what: string, response: LightMyRequestResponse) => refusals.push({ what, status: response.statusCode, body: response.body });

  // The client's own profile: a name with quotes.
  expectRedirect('/account/profile', await world.client.browser.post('/account/profile', { name: probes.name, phone: '+7 912 345-67-89' }, '/account/profile'));

  // A second order, paid, with a markup address and comment, refunded with probes as reason and notes.
  const marked = await paidOrder(t, { email: probes.email, name: probes.name, comment: probes.text });
  adminPages.push(`/admin/orders/${marked.id}`, `/admin/clients/${marked.clientId}`);
  publicPages.push(`/orders/${marked.publicRef}`);
  const [markedAttempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, marked.id));
  const returnUrl = `/admin/payments/${markedAttempt!.id}/return`;
  const kind = /name="kind" value="(\w+)"/.exec((await admin.browser.get(returnUrl)).body)?.[1] ?? 'refund';
  // The form leads to its confirmation page, which shows the probes back before «Да».
  const { asked, done } = await returnMoney(admin.browser, returnUrl, { kind, amount: '15 000', reason: probes.text, work_done: probes.text });
  refused('return confirmation', asked);
  if (!done) throw new Error(`POST ${returnUrl} did not ask for confirmation: ${asked.statusCode}`);
  expectRedirect(returnUrl, done);
  adminPages.push(returnUrl);

  // The surcharge invoice marked paid by transfer with a probe as its note.
  const invoice = `/admin/invoices/${ids.invoiceId}`;
  expectRedirect(invoice, await admin.browser.post(`${invoice}/mark-paid`, { method: 'bank_transfer', receipt: 'not_needed', note: probes.text }, invoice));

  // A catalog service whose every text is a probe.
  const created = await admin.browser.post(
    '/admin/catalog/new',
    { title: probes.title, slug: 'xss-probe', summary: probes.title, description: probes.text, price: '1 000', billing: 'fixed', included_hours: '', hourly_rate: '', sort_order: '90' },
    '/admin/catalog/new',
  );
  expectRedirect('/admin/catalog/new', created);
  const [service] = await t.deps.db.select().from(services).where(eq(services.slug, 'xss-probe'));
  adminPages.push(`/admin/catalog/${service!.id}`);
  publicPages.push('/services/xss-probe');

  // A colleague invited with a markup address.
  expectRedirect('/admin/staff/invite', await admin.browser.post('/admin/staff/invite', { name: probes.name, email: `staff.${probes.email}`, role: 'manager' }, '/admin/staff'));

  // A session whose browser name is a probe (the sessions page lists them).
  const login = await t.app.inject({ method: 'GET', url: '/account/login', remoteAddress: '203.0.113.250' });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(login.body)![1]!;
  await t.app.inject({
    method: 'POST',
    url: '/account/login',
    remoteAddress: '203.0.113.250',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'user-agent': probes.title },
    payload: new URLSearchParams({ _csrf: csrf, login: world.client.login, password: NEW_PASSWORD }).toString(),
  });

  // Every non-secret email, in the outbox and in its preview frame.
  for (const email of await t.deps.db.select({ id: emails.id, secret: emails.secret }).from(emails)) {
    adminPages.push(`/admin/emails/${email.id}`);
    if (!email.secret) adminPages.push(`/admin/emails/${email.id}/preview`);
  }
  clientPages.push(`/account/orders/${ids.orderRef}`, `/account/invoices/${ids.invoiceRef}`, '/account/sessions', '/account/profile');

  // Refused forms show what was typed: probes in every field.
  refused('order form', await submitOrder(t.app, 'site-support', { ...validOrder, name: probes.title, email: probes.title, phone: probes.title, comment: probes.text.repeat(10) }, { remoteAddress: '203.0.113.251' }));
  refused('order form, markup address', await submitOrder(t.app, 'site-support', { ...validOrder, email: probes.markupEmail }, { remoteAddress: '203.0.113.254' }));
  refused('profile', await world.client.browser.post('/account/profile', { name: probes.title, phone: probes.title }, '/account/profile'));
  refused('email change', await world.client.browser.post('/account/email', { email: probes.title, password: probes.title }, '/account/profile'));
  const card = `/admin/orders/${ids.orderId}`;
  refused('catalog', await admin.browser.post('/admin/catalog/new', { title: probes.title, slug: probes.title, summary: probes.title, description: probes.text, price: probes.title, billing: probes.title, sort_order: probes.title }, '/admin/catalog/new'));
  refused('calendar', await admin.browser.post('/admin/calendar/2026/days', { date: probes.title, type: probes.title }, '/admin/calendar/2026'));
  refused('company details', await admin.browser.post('/admin/content/company', Object.fromEntries(['name', 'inn', 'kpp', 'ogrn', 'address', 'phone', 'email', 'bank_name', 'bik', 'correspondent_account', 'settlement_account'].map((name) => [name, probes.title])), '/admin/content/company'));
  refused('legal text', await admin.browser.post('/admin/content/legal/offer', { effective_date: probes.title, body: probes.text }, '/admin/content/legal/offer'));
  refused('email wording', await admin.browser.post('/admin/content/emails/order_paid', { greeting: probes.title, sign_off: probes.text, paragraph: probes.text, intent: 'save' }, '/admin/content/emails/order_paid'));
  refused('contacts', await admin.browser.post(`${card}/contacts`, { channel: probes.title, outcome: probes.title, contacted_at: probes.title, note: probes.text }, card));
  refused('hours', await admin.browser.post(`${card}/hours`, { work_date: probes.title, hours: probes.title, note: probes.text }, card));
  refused('return', await admin.browser.post(returnUrl, { kind, amount: probes.title, reason: probes.text, work_done: probes.text }, returnUrl));
  refused('staff invite', await admin.browser.post('/admin/staff/invite', { name: probes.title, email: probes.title, role: probes.title }, '/admin/staff'));
  refused('staff invite, markup address', await admin.browser.post('/admin/staff/invite', { name: probes.name, email: probes.markupEmail, role: 'manager' }, '/admin/staff'));
  refused('staff sign-in', await visitorOf(t, '203.0.113.252').post('/admin/login', { email: probes.title, password: probes.title }, '/admin/login'));
  refused('client sign-in', await visitorOf(t, '203.0.113.253').post('/account/login', { login: probes.title, password: probes.title }, '/account/login'));
  for (const [what, url] of [
    ['client search', `/admin/clients?q=${encodeURIComponent(probes.title)}`],
    ['payment search', `/admin/payments?q=${encodeURIComponent(probes.title)}`],
    ['email search', `/admin/emails?address=${encodeURIComponent(probes.title)}&status=${encodeURIComponent(probes.title)}`],
    ['audit filter', `/admin/audit?action=${encodeURIComponent(probes.title)}&entity_id=${encodeURIComponent(probes.title)}&from=${encodeURIComponent(probes.title)}`],
    ['orders filter', `/admin/orders?state=${encodeURIComponent(probes.title)}`],
  ] as const) {
    refused(what, await admin.browser.get(url));
  }
  return { adminPages, clientPages, publicPages, refusals };
}

const visitorOf = (t: TestApp, ip: string): Visitor => visitor(t.app, ip);
