import { pbkdf2Sync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createChallenge, randomInt, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as webCryptoDeriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import type { Page } from 'playwright-core';
import { CAPTCHA_ALGORITHM, CAPTCHA_FORMS, captchaKeys, createCaptchaChallenge, type CaptchaCost, type CaptchaForm } from '../src/captcha/altcha.js';
import { chromiumPath, launchBrowser } from '../tests/helpers/browser.js';
import { createTestApp } from '../tests/helpers/test-app.js';

// npm run bench:captcha — what each form's captcha costs the two sides (decision 003):
// - a scripted solver: Node on one core, pbkdf2Sync in a tight loop (no per-call overhead at all);
// - a visitor: the widget's own path (altcha-lib's WebCrypto derivation, one call per counter, one
//   thread) on this machine, and a slow phone estimated as that ×6 on a single core (the widget
//   spreads the work over one worker per core, so a real phone with 4+ cores does better);
// - with Chromium installed, the widget on the real pages, with the CPU at 1× and 6× slowed.
// Both are set against a baseline measured in the same run: the original setting of decision 003
// (cost 100, counter 400–800), so the ratios hold on any machine. Budget: slow phone under 1 s.

const SOLVER_RUNS = 21;
const BROWSER_RUNS = 7;
const SLOW_PHONE = 6;
const BASELINE: CaptchaCost = { cost: 100, counter: { min: 400, max: 800 } };
const keys = captchaKeys('bench-secret-that-is-long-enough-for-hmac');

/** What a script would write: derive keys counter by counter until the prefix matches. */
function scriptedSolve(challenge: Challenge): number {
  const { nonce, salt, cost, keyLength, keyPrefix } = challenge.parameters;
  const password = Buffer.alloc(nonce.length / 2 + 4);
  Buffer.from(nonce, 'hex').copy(password);
  const saltBytes = Buffer.from(salt, 'hex');
  for (let counter = 0; ; counter++) {
    password.writeUInt32BE(counter, password.length - 4);
    if (pbkdf2Sync(password, saltBytes, cost, keyLength, 'sha256').toString('hex').startsWith(keyPrefix)) return counter;
  }
}

const baselineChallenge = () =>
  createChallenge({
    algorithm: CAPTCHA_ALGORITHM,
    cost: BASELINE.cost,
    counter: randomInt(BASELINE.counter.max, BASELINE.counter.min),
    deriveKey,
    hmacSignatureSecret: keys.signature,
  });

interface Times {
  median: number;
  worst: number;
}
function summary(times: number[]): Times {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted.at(-1)! };
}

/** CPU time of this process in ms: what the work costs a core, whatever else the machine is doing. */
async function cpuTime(work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const sides = { baseline: baselineChallenge, ...Object.fromEntries(Object.keys(CAPTCHA_FORMS).map((form) => [form, () => createCaptchaChallenge(keys, form as CaptchaForm)])) };
type Side = keyof typeof sides;
const runs = Object.fromEntries(Object.keys(sides).map((side) => [side, { solver: [] as number[], widget: [] as number[] }])) as Record<Side, { solver: number[]; widget: number[] }>;
// In rounds, one challenge of each kind per round, so that the baseline sees the same machine as the forms.
for (let round = 0; round < SOLVER_RUNS; round++) {
  for (const [side, newChallenge] of Object.entries(sides) as [Side, () => Promise<Challenge>][]) {
    const challenge = await newChallenge();
    runs[side].solver.push(await cpuTime(() => scriptedSolve(challenge)));
    runs[side].widget.push(await cpuTime(() => solveChallenge({ challenge, deriveKey: webCryptoDeriveKey })));
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const times = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
const baseline = { solver: summary(runs.baseline.solver), widget: summary(runs.baseline.widget) };
console.log(`${CAPTCHA_ALGORITHM}; ${SOLVER_RUNS} challenges each, CPU time; slow phone = the widget's path ×${SLOW_PHONE} on one core (budget 1 s)`);
for (const side of Object.keys(sides) as Side[]) {
  const price: CaptchaCost = side === 'baseline' ? BASELINE : CAPTCHA_FORMS[side as CaptchaForm];
  const solver = summary(runs[side].solver);
  const widget = summary(runs[side].widget);
  console.log(
    `${side.padEnd(9)} cost ${String(price.cost).padStart(5)}, counter ${price.counter.min}–${price.counter.max}: ` +
      `scripted solver median ${ms(solver.median)}, worst ${ms(solver.worst)} (${times(solver.median, baseline.solver.median)} baseline); ` +
      `slow phone est. median ${ms(widget.median * SLOW_PHONE)}, worst ${ms(widget.worst * SLOW_PHONE)} (${times(widget.median, baseline.widget.median)} baseline); ` +
      `solver work per second of phone time ${times(solver.median / widget.median, baseline.solver.median / baseline.widget.median)} baseline`,
  );
}

if (existsSync(chromiumPath)) await inChromium();
else console.log(`(no Chromium at ${chromiumPath}: the widget on the real pages is not measured)`);

/** The real widget on the order form and on the sign-in form after three failures. */
async function inChromium() {
  const t = await createTestApp('pglite');
  const origin = t.baseUrl;
  const browser = await launchBrowser();
  const open: Record<CaptchaForm, (page: Page) => Promise<void>> = {
    order: async (page) => void (await page.goto(`${origin}/services/landing-page`)),
    'sign-in': async (page) => {
      await page.goto(`${origin}/account/login`);
      for (let i = 0; i < 3; i++) {
        await page.getByLabel('Логин или электронная почта').fill('bench.nobody');
        await page.getByLabel('Пароль').fill('не тот пароль');
        await page.getByRole('button', { name: 'Войти' }).click();
        await page.waitForLoadState();
      }
    },
  };
  try {
    for (const form of Object.keys(CAPTCHA_FORMS) as CaptchaForm[]) {
      for (const throttle of [1, SLOW_PHONE]) {
        const page = await browser.newPage();
        await open[form](page);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        const runs: number[] = [];
        for (let i = 0; i < BROWSER_RUNS; i++) {
          // A fresh challenge each time, without the widget's artificial 500 ms minimum, to see the work itself.
          await page.evaluate(async () => {
            const widget = document.querySelector('altcha-widget') as unknown as { configure(c: object): Promise<void>; reset(): void };
            await widget.configure({ minDuration: 0 });
            widget.reset();
          });
          const started = Date.now();
          await page.locator('altcha-widget').getByText('Я не робот').click();
          await page.waitForFunction(() => Boolean(document.querySelector<HTMLInputElement>('altcha-widget input[name="altcha"]')?.value));
          runs.push(Date.now() - started);
        }
        const { median, worst } = summary(runs);
        console.log(`Chromium, ${form}, CPU ${throttle}× slower: median ${median} ms, worst ${worst} ms (${runs.join(', ')})`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await t.close();
  }
}
