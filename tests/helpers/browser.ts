import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests need the system Chromium (Debian package `chromium`). Without it they are skipped
 * with a loud message, except in CI, where a missing browser is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is missing at ${chromiumPath}: install the Debian package chromium`);
  process.stderr.write(
    `\n*** SKIPPING BROWSER TESTS: no Chromium at ${chromiumPath}. Install it with 'apt-get install chromium' (or set CHROMIUM_PATH). ***\n\n`,
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // No sandbox as root in CI containers; no background traffic to hosts this machine cannot reach.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Fills the gateway's card form as a payer would and pays. */
export async function payWithCard(page: Page, pan: string): Promise<void> {
  await page.getByLabel('Номер карты').fill(pan);
  await page.getByLabel('Срок действия').fill('12/30');
  await page.getByLabel('CVC/CVV').fill('123');
  await page.getByLabel('Имя владельца карты').fill('ANNA SMIRNOVA');
  await page.getByRole('button', { name: /Оплатить/ }).click();
}

/** Ticks "I am not a robot" and waits for the proof of work to finish, as a visitor would. */
export async function solveCaptcha(page: Page): Promise<void> {
  await page.locator('altcha-widget').getByText('Я не робот').click();
  const started = Date.now();
  await page.waitForFunction(() => {
    const input = document.querySelector<HTMLInputElement>('altcha-widget input[name="altcha"]');
    return Boolean(input?.value);
  }, undefined, { timeout: 15_000 });
  process.stdout.write(`captcha solved in the browser in ${Date.now() - started} ms (includes the widget's 500 ms minimum)\n`);
}

/** A new page at this width (Russian locale) that records script errors, CSP violations and failed subresources. */
export async function watchedPage(browser: Browser, width: number, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  // A CSP violation or a script error is a bug even when the page still looks right.
  page.on('console', (message: ConsoleMessage) => {
    // A 4xx page (a form with errors) is expected; failed subresources are caught below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return page;
}

/** The first match's text as a person reads it: every run of whitespace (formatRub's no-break spaces too) is one space. */
export async function visibleText(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
