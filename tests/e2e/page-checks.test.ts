import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { setServiceImage } from '../../src/actions/catalog/set-service-image.js';
import { attackWorld, concrete, expectRedirect, type AttackWorld } from '../helpers/attack-world.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { eq } from 'drizzle-orm';
import { saveCompanyDetails } from '../../src/actions/content/save-company-details.js';
import { importBankStatement } from '../../src/actions/transfers/import-bank-statement.js';
import { bankInvoices, orders } from '../../src/db/schema/index.js';
import { encodeWindows1251 } from '../../src/domain/transfers/sample-statement.js';
import { incoming, statementText } from '../helpers/bank-statements.js';
import { validCompany } from '../helpers/company.js';
import { submitOrder, validOrder } from '../helpers/order-form.js';

// Every page of the client's and the staff's journeys, checked in Chromium with axe-core (no serious
// or critical violation) and, from the HTML the server sent, with the Nu HTML checker (no error).
// The pages are the app's own GET routes (a new page is checked without anyone adding it here),
// opened as a visitor, a signed-in client and an admin, plus the states a GET cannot reach: the order
// form and the sign-in forms with errors, a payment being checked and a declined one, a 404.

const VNU_JAR = 'node_modules/vnu-jar/build/dist/vnu.jar';
const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * Not pages: files, feeds, machine answers; and an email's preview, which is the email's own HTML (made
 * for mail clients, shown in a sandboxed frame of its page). Everything else that answers HTML is checked.
 */
const notPages = /^\/(static|captcha|healthz|readyz|media)\b|\/events$|\/preview$|\.(pdf|css|js|svg|txt|xml)$/;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

interface Checked {
  label: string;
  url: string;
  violations: AxeViolation[];
}

/** An evaluate has no timeout of its own: a page that never settles fails the check instead of hanging it. */
function withTimeout<T>(label: string, promise: Promise<T>, ms = 120_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`axe did not finish on ${label} in ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe.runIf(browserAvailable())('every page passes axe-core and the Nu HTML checker', () => {
  let world: AttackWorld;
  let browser: Browser;
  let htmlDir: string;
  const checked: Checked[] = [];
  const files = new Map<string, string>();
  /** The HTML of the last page the server sent (not a redirect), as sent. */
  let sent: string | null = null;

  beforeAll(async () => {
    world = await attackWorld('pglite');
    browser = await launchBrowser();
    htmlDir = mkdtempSync(join(tmpdir(), 'uslugi-pages-'));
    const { t, ids } = world;

    // The storefront's extras, so their markup is checked too: a question in the FAQ and a service's picture.
    expectRedirect('/admin/faq', await world.admin.browser.post('/admin/faq', { 'new-question': 'Можно ли оплатить переводом?', 'new-answer': 'Да, по счёту.\n\n- реквизиты придут в письме\n- оплата в течение 3 дней', 'new-sort_order': '10' }, '/admin/faq'));
    const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    const pictured = await setServiceImage(t.deps, { staffId: ids.staffId, ip: '198.51.100.200', serviceId: ids.serviceId, upload: { bytes: photo, alt: 'Рабочее место: ноутбук с открытым сайтом' } });
    expect(pictured.kind).toBe('uploaded');

    // Orders in the other payment states: sent to the gateway (being checked) and declined.
    const checking = await orderSentToGateway(t, 'landing-page', { email: 'checking@example.ru' });
    const declined = await orderSentToGateway(t, 'landing-page', { email: 'declined@example.ru' });
    await t.sandbox.pay(declined.attempt.gatewayPaymentId!, cards.declined);

    // A company paying by bank transfer (the seller's bank details make the order form offer it): an
    // order waiting for its transfer, its invoice in the back office, an uploaded statement.
    await saveCompanyDetails(t.deps, { staffId: world.admin.member.id, ip: '198.51.100.200', values: validCompany });
    const company = { payer: 'company', company_name: 'ООО «Ромашка»', inn: '7736207543', kpp: '770401001', legal_address: '119021, г. Москва, ул. Льва Толстого, д. 16' };
    const placed = await submitOrder(t.app, 'landing-page', { ...validOrder, email: 'buh@example.ru', ...company }, { remoteAddress: '203.0.113.90' });
    const transferRef = /[\w-]{24}$/.exec(String(placed.headers.location))![0];
    const [transferOrder] = await t.deps.db.select().from(orders).where(eq(orders.publicRef, transferRef));
    const [bankInvoice] = await t.deps.db.select().from(bankInvoices).where(eq(bankInvoices.orderId, transferOrder!.id));
    const statement = encodeWindows1251(statementText([incoming({ number: '5', sum: '100.00', purpose: `Оплата по счёту № ${bankInvoice!.number}, часть` })]));
    const imported = await importBankStatement(t.deps, { bytes: statement, fileName: 'kl_to_1c.txt', staffId: world.admin.member.id, ip: '198.51.100.200' });
    if (imported.kind !== 'imported') throw new Error(`statement not imported: ${JSON.stringify(imported)}`);

    const routes = t.app.routeList.filter((r) => r.method === 'GET' && !notPages.test(r.url)).map((r) => concrete(r.url, ids));
    const anonymous = await contextWith(null);
    const client = await contextWith({ name: 'session', value: world.client.browser.cookie('session')! });
    const admin = await contextWith({ name: 'staff_session', value: world.admin.browser.cookie('staff_session')! });

    // Each page as the person who uses it: the back office's sign-in pages and the rest of the shop
    // as a visitor, the account as the client (a visitor sees its sign-in page), the back office as an admin.
    const publicStaff = new Set(t.app.staffRoutes.filter((r) => r.access === 'public').map((r) => concrete(r.url, ids)));
    for (const url of routes.filter((u) => !u.startsWith('/admin') || publicStaff.has(u))) await check(anonymous, url);
    for (const url of routes.filter((u) => u.startsWith('/account'))) await check(client, url);
    for (const url of routes.filter((u) => u.startsWith('/admin') && !publicStaff.has(u))) await check(admin, url);
    await check(anonymous, `/orders/${checking.order.publicRef}`, 'payment being checked');
    await check(anonymous, `/orders/${declined.order.publicRef}`, 'payment declined');
    await check(anonymous, '/no-such-page', 'not found');
    await check(anonymous, `/orders/${transferRef}`, 'waiting for a bank transfer');
    await check(admin, `/admin/orders/${transferOrder!.id}`, 'order card of a bank transfer');
    await check(admin, `/admin/transfers/${bankInvoice!.id}`, 'marking a transfer');
    await check(admin, `/admin/transfers/statements/${imported.statementId}`, 'an uploaded statement');

    // Forms sent empty come back with their errors (sent as the browser sends them, past any widget's own checks).
    const sendEmpty = (action: string) => (page: Page) => page.locator(`form[action="${action}"]`).evaluate((form) => (form as HTMLFormElement).submit());
    await check(anonymous, `/services/${ids.slug}`, 'order form with errors', sendEmpty(`/services/${ids.slug}/order`));
    await check(anonymous, `/services/${ids.slug}`, 'order form with a company payer\'s errors', async (page) => {
      await page.locator('#payer-company').check();
      await sendEmpty(`/services/${ids.slug}/order`)(page);
    });
    await check(admin, `/admin/transfers/${bankInvoice!.id}`, 'transfer form with errors', sendEmpty(`/admin/transfers/${bankInvoice!.id}`));
    await check(anonymous, '/account/login', 'client sign-in with errors', sendEmpty('/account/login'));
    await check(anonymous, '/admin/login', 'staff sign-in with errors', sendEmpty('/admin/login'));
    await check(admin, '/admin/catalog/new', 'catalog form with errors', sendEmpty('/admin/catalog/new'));
    // The refund form's answer: the confirmation page (showing it refunds nothing).
    await check(admin, `/admin/payments/${ids.attemptId}/return`, 'return confirmation', async (page) => {
      await page.fill('#field-reason', 'Клиент передумал');
      await page.locator('form.payments-form button[type="submit"]').click();
    });
    // About a hundred pages, each rendered and audited: 2–3 minutes on a quiet machine, many more on a busy one.
  }, 1_800_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
    if (htmlDir) rmSync(htmlDir, { recursive: true, force: true });
  });

  /**
   * A context whose documents pass through here: the HTML as the server sent it is kept for the Nu
   * checker, and a page that reloads itself (a payment being checked) is shown without its
   * `<meta http-equiv="refresh">`, so it holds still while axe reads it.
   */
  async function contextWith(cookie: { name: string; value: string } | null): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    if (cookie) await context.addCookies([{ ...cookie, url: world.t.baseUrl }]);
    await context.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document' || !route.request().url().startsWith(world.t.baseUrl)) return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const html = (response.headers()['content-type'] ?? '').startsWith('text/html');
      const body = await response.text();
      if (html && (response.status() < 300 || response.status() >= 400)) sent = body; // a page, not a redirect
      return route.fulfill({ response, body: html ? body.replace(/<meta http-equiv="refresh"[^>]*>/, '') : body });
    });
    return context;
  }

  /** Opens a page (and optionally does something on it), runs axe on what shows and keeps the HTML the server sent. */
  async function check(context: BrowserContext, path: string, state?: string, act?: (page: Page) => Promise<unknown>): Promise<void> {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const started = Date.now();
    try {
      sent = null;
      await page.goto(`${world.t.baseUrl}${path}`);
      if (act) await Promise.all([page.waitForNavigation(), act(page)]);
      const html = sent as string | null;
      if (html === null) return;
      const url = new URL(page.url()).pathname;
      const label = state ? `${url} (${state})` : url;
      if (files.has(label)) return;
      const file = join(htmlDir, `${String(files.size).padStart(3, '0')}.html`);
      writeFileSync(file, html);
      files.set(label, file);
      await page.evaluate(axeSource);
      const result = (await withTimeout(label, page.evaluate(() => (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] })))) as { violations: AxeViolation[] };
      checked.push({ label, url: path, violations: result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') });
      if (process.env.PAGE_CHECKS_VERBOSE) process.stdout.write(`checked ${label} in ${Date.now() - started} ms\n`);
    } finally {
      await page.close();
    }
  }

  it('reaches the pages of every journey', () => {
    const labels = checked.map((c) => c.label);
    for (const expected of [
      '/',
      `/services/${world.ids.slug}`,
      `/services/${world.ids.slug}/order (order form with errors)`,
      '/account/login (client sign-in with errors)',
      '/admin/login (staff sign-in with errors)',
      `/orders/${world.ids.orderRef}`,
      '/account',
      `/account/orders/${world.ids.orderRef}`,
      `/account/invoices/${world.ids.invoiceRef}`,
      '/account/login',
      '/admin',
      '/admin/login',
      '/admin/queue',
      `/admin/orders/${world.ids.orderId}`,
      '/admin/receipts',
      '/admin/transfers',
      '/admin/notifications',
      '/admin/catalog',
      `/admin/payments/${world.ids.attemptId}/return (return confirmation)`,
    ]) {
      expect(labels).toContain(expected);
    }
    expect(checked.length).toBeGreaterThan(40);
  });

  it('has no serious or critical axe-core violation', () => {
    const found = checked.flatMap((page) =>
      page.violations.map((v) => `${page.label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.html.slice(0, 160)).join(' | ')}`),
    );
    expect(found).toEqual([]);
  });

  it('has no Nu HTML checker error', { timeout: 180_000 }, async () => {
    expect(existsSync(VNU_JAR), `${VNU_JAR} is missing: npm ci installs it with the vnu-jar package`).toBe(true);
    // One JVM for every page: vnu exits 1 when it found errors, and prints its JSON report on stderr.
    const report = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files.values()], { maxBuffer: 64 * 1024 * 1024 })
      .then((r) => r.stderr)
      .catch((error: { stderr?: string; message: string }) => error.stderr || error.message);
    const messages = (JSON.parse(report) as { messages: { type: string; url: string; message: string; extract?: string }[] }).messages;
    const labelOf = new Map([...files].map(([label, file]) => [file, label]));
    const errors = messages
      .filter((m) => m.type === 'error')
      .map((m) => `${labelOf.get(decodeURIComponent(new URL(m.url).pathname)) ?? m.url}: ${m.message} «${(m.extract ?? '').trim().slice(0, 120)}»`);
    expect(errors).toEqual([]);
    expect(files.size).toBeGreaterThan(40);
  });
});
