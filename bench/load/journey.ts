import type pg from 'pg';
import type { Sandbox } from '../../sandbox/freedompay/index.js';
import { Browser } from './browser.js';
import { credentialsIn, type Mailboxes, verifyTokenIn } from './mailbox.js';
import { FAULT_KINDS, type FaultKind, type PlannedClient, type PlannedOrder } from './plan.js';

/**
 * One simulated client's whole journey over HTTP, as a person with a browser and a mailbox does it:
 * the order form, the gateway's card page, the emails, the confirmation link, the first sign-in with
 * the temporary password and a password of their own. A returning client signs in with the password
 * it chose the first time and finds both orders in the account.
 */
export interface JourneyContext {
  baseUrl: string;
  sandbox: Sandbox;
  /** Only to find the gateway order id behind a payment page, so its fault can be switched on. */
  db: pg.Pool;
  mailboxes: Mailboxes;
  slots: Slots;
  timings: Timings;
  emailTimeoutMs: number;
}

export interface PlacedOrder {
  client: number;
  email: string;
  attemptId: string;
  ref: string;
  fault: FaultKind;
}

export interface Account {
  login: string;
  password: string;
  orders: number;
}

const CARD = { pan: '4716 0472 6194 1981', expiry: '12/30', cvc: '123', holder: 'IVAN PETROV' };

export async function runJourney(ctx: JourneyContext, client: PlannedClient, original: Promise<Account> | undefined, placed: PlacedOrder[]): Promise<Account> {
  const previous = original ? await original.catch(() => Promise.reject(new Error(`client ${client.returningTo} (same address) did not finish`))) : undefined;
  const browser = new Browser(client.ip);
  await ctx.slots.acquire();
  let holding = true;
  try {
    const mine = await Promise.all(client.orders.map((order) => placeAndPay(ctx, browser, client, order)));
    placed.push(...mine);
    const paidAt = performance.now();

    // Waiting for email is not activity: the slot goes to another client meanwhile.
    ctx.slots.release();
    holding = false;
    const before = previous?.orders ?? 0;
    const total = before + client.orders.length;
    const wait = (kind: Parameters<Mailboxes['waitFor']>[1], count: number) => ctx.mailboxes.waitFor(client.email, kind, count, ctx.emailTimeoutMs);
    const [, credentials, verification] = await Promise.all([
      wait('orderConfirmation', total),
      previous ? Promise.resolve([]) : wait('credentials', 1),
      previous ? Promise.resolve([]) : wait('verifyEmail', 1),
      wait('serviceAdded', total - 1),
    ]);
    ctx.timings.record(`emails after payment (${worst(client.orders)})`, performance.now() - paidAt);
    await ctx.slots.acquire(true);
    holding = true;

    if (previous) {
      const signIn = await ctx.timings.timed('sign in', () => browser.post(`${ctx.baseUrl}/account/login`, { login: previous.login, password: previous.password }, `${ctx.baseUrl}/account/login`));
      expectRedirect(browser.expect(signIn, 303, 'sign in with own password'), '/account');
      await checkAccount(ctx, browser, mine, total);
      return { ...previous, orders: total };
    }

    const token = verifyTokenIn(verification[0]!);
    const confirmed = await ctx.timings.timed('confirm email', () => browser.post(`${ctx.baseUrl}/account/verify-email`, { token }, `${ctx.baseUrl}/account/verify-email`));
    browser.expect(confirmed, 200, 'confirm the address');

    const { login, password } = credentialsIn(credentials[0]!);
    const signIn = await ctx.timings.timed('sign in', () => browser.post(`${ctx.baseUrl}/account/login`, { login, password }, `${ctx.baseUrl}/account/login`));
    expectRedirect(browser.expect(signIn, 303, 'sign in with the temporary password'), '/account/password/change');

    const own = `нагрузка ${client.index} свой пароль`;
    const changed = await ctx.timings.timed('change password', () =>
      browser.post(`${ctx.baseUrl}/account/password/change`, { password: own, password_confirm: own }, `${ctx.baseUrl}/account/password/change`),
    );
    expectRedirect(browser.expect(changed, 303, 'change the temporary password'), '/account');
    await checkAccount(ctx, browser, mine, total);
    return { login, password: own, orders: total };
  } finally {
    if (holding) ctx.slots.release();
  }
}

async function placeAndPay(ctx: JourneyContext, browser: Browser, client: PlannedClient, planned: PlannedOrder): Promise<PlacedOrder> {
  const servicePage = `${ctx.baseUrl}/services/${planned.slug}`;
  browser.expect(await ctx.timings.timed('service page', () => browser.get(servicePage)), 200, 'open the service page');
  const fields = { name: client.name, email: client.email, phone: client.phone, comment: 'Нагрузочный тест', accept_offer: 'on', consent_pd: 'on' };
  const placed = browser.expect(await ctx.timings.timed('order form → gateway', () => browser.post(`${ctx.baseUrl}/services/${planned.slug}/order`, fields)), 303, 'place the order');
  const paymentPage = placed.location ?? '';
  if (!paymentPage.startsWith(ctx.sandbox.url)) throw new Error(`the order form sent the client to ${paymentPage}`);

  // The harness (not the client) switches this payment's callback fault on before the card is entered.
  const { rows } = await ctx.db.query<{ id: string; ref: string }>(
    'select a.id, o.public_ref as ref from payment_attempts a join orders o on o.id = a.order_id where a.redirect_url = $1',
    [paymentPage],
  );
  const attempt = rows[0];
  if (!attempt) throw new Error(`no payment attempt behind ${paymentPage}`);
  ctx.sandbox.setFaults(attempt.id, planned.faults);

  browser.expect(await ctx.timings.timed('payment page', () => browser.get(paymentPage)), 200, 'open the payment page');
  const paid = browser.expect(await ctx.timings.timed('card → back to shop', () => browser.form(paymentPage, CARD)), 303, 'pay by card');
  const back = paid.location ?? '';
  if (!back.startsWith(`${ctx.baseUrl}/orders/${attempt.ref}`)) throw new Error(`the gateway sent the client back to ${back}`);
  browser.expect(await ctx.timings.timed('order page', () => browser.get(back)), 200, 'open the order page');
  return { client: client.index, email: client.email, attemptId: attempt.id, ref: attempt.ref, fault: planned.fault };
}

/** The account lists every order of this address, the new ones included. */
async function checkAccount(ctx: JourneyContext, browser: Browser, mine: PlacedOrder[], total: number): Promise<void> {
  const page = browser.expect(await ctx.timings.timed('account page', () => browser.get(`${ctx.baseUrl}/account`)), 200, 'open the account');
  const listed = new Set([...page.body.matchAll(/href="\/account\/orders\/([\w-]+)"/g)].map((match) => match[1]));
  const missing = mine.filter((order) => !listed.has(order.ref));
  if (missing.length > 0 || listed.size !== total) throw new Error(`the account lists ${listed.size} orders (expected ${total}); missing ${missing.map((o) => o.ref).join(', ')}`);
}

function expectRedirect(answer: { location: string | undefined }, path: string): void {
  if (!answer.location || new URL(answer.location).pathname !== path) throw new Error(`redirected to ${answer.location} instead of ${path}`);
}

/** The slowest callback behaviour among the client's orders (what its emails waited for). */
function worst(orders: PlannedOrder[]): FaultKind {
  return orders.map((order) => order.fault).sort((a, b) => FAULT_KINDS.indexOf(b) - FAULT_KINDS.indexOf(a))[0]!;
}

/** At most `size` clients active at once (waiting for email does not count); FIFO within each line. */
export class Slots {
  private free: number;
  private readonly queue: (() => void)[] = [];
  private readonly resuming: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  /** A client resuming its journey goes before clients that have not started yet. */
  acquire(resuming = false): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => (resuming ? this.resuming : this.queue).push(resolve));
  }

  release(): void {
    const next = this.resuming.shift() ?? this.queue.shift();
    if (next) next();
    else this.free++;
  }
}

/** Latencies per step, in milliseconds. */
export class Timings {
  readonly steps = new Map<string, number[]>();

  record(step: string, ms: number): void {
    const list = this.steps.get(step) ?? [];
    list.push(ms);
    this.steps.set(step, list);
  }

  async timed<T>(step: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    this.record(step, performance.now() - started);
    return result;
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}
