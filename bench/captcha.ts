import type { AddressInfo } from 'node:net';
import { CAPTCHA_ALGORITHM, CAPTCHA_COST, CAPTCHA_COUNTER } from '../src/captcha/altcha.js';
import { launchBrowser } from '../tests/helpers/browser.js';
import { createTestApp } from '../tests/helpers/test-app.js';

// npm run bench:captcha — how long the order form's proof of work takes in Chromium, on this
// machine and with the CPU slowed down 6× (Lighthouse's "low-end mobile" is 4×). Target: < 1 s slowed.

const RUNS = 7;
const t = await createTestApp('pglite');
await t.app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/services/landing-page`;
const browser = await launchBrowser();

async function solveTimes(throttle: number): Promise<number[]> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(url);
    // Without the widget's artificial 500 ms minimum, to see the work itself.
    await page.evaluate(() => (document.querySelector('altcha-widget') as unknown as { configure(c: object): void }).configure({ minDuration: 0 }));
    const started = Date.now();
    await page.locator('altcha-widget').getByText('Я не робот').click();
    await page.waitForFunction(() => Boolean(document.querySelector<HTMLInputElement>('altcha-widget input[name="altcha"]')?.value));
    times.push(Date.now() - started);
  }
  await page.close();
  return times.sort((a, b) => a - b);
}

try {
  console.log(`captcha: ${CAPTCHA_ALGORITHM}, cost ${CAPTCHA_COST}, counter ${CAPTCHA_COUNTER.min}–${CAPTCHA_COUNTER.max}, ${RUNS} runs each`);
  for (const throttle of [1, 6]) {
    const times = await solveTimes(throttle);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`CPU ${throttle}× slower: median ${median} ms, worst ${times.at(-1)} ms (${times.join(', ')})`);
  }
} finally {
  await browser.close();
  await t.close();
}
