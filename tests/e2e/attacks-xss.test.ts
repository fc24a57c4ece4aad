import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markupEmail, quoteName, xssEmail, xssText } from '../helpers/attack-payloads.js';
import { attackWorld, storeXssProbes, type AttackWorld, type StoredProbes } from '../helpers/attack-world.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';

// The stored XSS probes (see tests/integration/attacks-xss.test.ts) opened in Chromium: the admin's
// order and client cards, the outbox, the catalog, the refund page, the client's account pages. A
// dialog, a script error or a CSP violation (an injected inline script would be one) fails the test.

const TITLE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';

describe.runIf(browserAvailable())('stored XSS probes in Chromium', () => {
  let world: AttackWorld;
  let stored: StoredProbes;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-results/screenshots', { recursive: true });
    world = await attackWorld('pglite', { text: xssText, name: quoteName });
    stored = await storeXssProbes(world, { text: xssText, email: xssEmail, markupEmail, name: quoteName, title: TITLE });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** A browser context signed in with this cookie, recording anything that ran or was blocked. */
  async function signedIn(cookie: { name: string; value: string } | null, problems: string[]): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    if (cookie) await context.addCookies([{ ...cookie, url: world.t.baseUrl }]);
    context.on('page', (page) => watch(page, problems));
    return context;
  }

  function watch(page: import('playwright-core').Page, problems: string[]) {
    page.on('dialog', (dialog) => {
      problems.push(`${page.url()}: a ${dialog.type()} dialog «${dialog.message()}» opened`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: console error ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  }

  async function visit(context: BrowserContext, paths: string[]): Promise<number> {
    const page = await context.newPage();
    let shown = 0;
    for (const path of paths) {
      const response = await page.goto(`${world.t.baseUrl}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      // Focus and hover everything, in case a probe made an attribute that waits for the visitor.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('input, textarea, a, button, dd, td, p')) {
          element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          element.focus?.();
        }
      });
      if ((await page.content()).includes('alert(1)')) shown += 1;
    }
    await page.close();
    return shown;
  }

  it('notices a dialog when one opens (the watch itself works)', async () => {
    const problems: string[] = [];
    const context = await signedIn(null, problems);
    const page = await context.newPage();
    await page.goto(`${world.t.baseUrl}/`);
    await page.evaluate(() => setTimeout(() => alert('probe'), 0));
    await page.waitForTimeout(100);
    await context.close();
    expect(problems.join('\n')).toContain('dialog «probe»');
  });

  it('runs none of the probes on the admin pages', async () => {
    const problems: string[] = [];
    const context = await signedIn({ name: 'staff_session', value: world.admin.browser.cookie('staff_session')! }, problems);
    const { ids } = world;
    const pages = [
      '/admin',
      '/admin/queue',
      '/admin/orders',
      `/admin/orders/${ids.orderId}`,
      `/admin/clients/${ids.clientId}`,
      `/admin/clients?q=${encodeURIComponent(TITLE)}`,
      '/admin/payments',
      '/admin/emails',
      '/admin/catalog',
      '/admin/staff',
      '/admin/audit',
      `/admin/invoices/${ids.invoiceId}`,
      ...stored.adminPages.filter((path) => !path.endsWith('/preview')),
    ];
    const shown = await visit(context, [...new Set(pages)]);
    // What staff see: the probes as plain text in the card.
    const card = await context.newPage();
    await card.goto(`${world.t.baseUrl}/admin/orders/${ids.orderId}`);
    await card.screenshot({ path: 'test-results/screenshots/attacks-xss-order-card-1280.png', fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
    expect(shown).toBeGreaterThan(5);
  });

  it('runs none of the probes on the client’s and the public pages', async () => {
    const problems: string[] = [];
    const context = await signedIn({ name: 'session', value: world.client.browser.cookie('session')! }, problems);
    const pages = ['/account', '/account/profile', ...stored.clientPages, ...stored.publicPages, '/'];
    const shown = await visit(context, [...new Set(pages)]);
    const order = await context.newPage();
    await order.setViewportSize({ width: 375, height: 800 });
    await order.goto(`${world.t.baseUrl}/account/orders/${world.ids.orderRef}`);
    await order.screenshot({ path: 'test-results/screenshots/attacks-xss-account-order-375.png', fullPage: true });
    await context.close();
    expect(problems).toEqual([]);
    expect(shown).toBeGreaterThan(3);
  });
});
