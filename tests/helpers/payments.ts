import { eq, sql } from 'drizzle-orm';
import type { PaymentAttempt } from '../../src/db/queries/payments.js';
import type { Order } from '../../src/db/queries/orders.js';
import { orders, paymentAttempts } from '../../src/db/schema/index.js';
import type { CardInput } from '../../sandbox/freedompay/index.js';
import { solveCaptcha, submitOrder, validOrder } from './order-form.js';
import type { TestApp } from './test-app.js';

export const cards = {
  plain: card('4716047261941981'), // no 3-D Secure; clears and refunds
  threeDs: card('4916307416334310'), // asks for the 3-D Secure code
  cancellable: card('4939770956154989'), // can be reversed, cannot be cleared
  declined: card('5335215945367703'),
};

function card(pan: string): CardInput {
  return { pan, expiry: '12/30', cvc: '123', holder: 'IVAN PETROV' };
}

let ip = 0;

/** Places an order through the form and returns it with the attempt the 303 to the gateway was for. */
export async function orderSentToGateway(
  t: TestApp,
  slug = 'site-support',
  fields: Partial<typeof validOrder> = {},
): Promise<{ order: Order; attempt: PaymentAttempt; location: string }> {
  const altcha = t.deps.captcha ? await solveCaptcha(t.app) : undefined;
  const response = await submitOrder(t.app, slug, { ...validOrder, ...fields, altcha }, { remoteAddress: `198.18.${(++ip >> 8) & 255}.${ip & 255}` });
  if (response.statusCode !== 303) throw new Error(`Order submit answered ${response.statusCode}: ${response.body.slice(0, 500)}`);
  const location = String(response.headers.location);
  const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.redirectUrl, location));
  if (!attempt) throw new Error(`No attempt behind ${location}`);
  return { order: await reloadOrder(t, attempt.orderId), attempt, location };
}

export async function reloadOrder(t: TestApp, orderId: string): Promise<Order> {
  const [order] = await t.deps.db.select().from(orders).where(eq(orders.id, orderId));
  return order!;
}

export async function reloadAttempt(t: TestApp, attemptId: string): Promise<PaymentAttempt> {
  const [attempt] = await t.deps.db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  return attempt!;
}

/** `order.paid` jobs enqueued for an order (pg-boss keeps jobs in its own schema of our database). */
export async function orderPaidJobs(t: TestApp, orderId: string): Promise<number> {
  const result = (await t.deps.db.execute(
    sql`select count(*)::int as n from pgboss.job where name = 'order.paid' and data->>'orderId' = ${orderId}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}
