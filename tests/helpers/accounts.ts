import { eq } from 'drizzle-orm';
import { provisionClientAccount } from '../../src/actions/accounts/provision-client-account.js';
import { sendOrderConfirmation } from '../../src/actions/orders/send-order-confirmation.js';
import type { Order } from '../../src/db/queries/orders.js';
import { emails } from '../../src/db/schema/index.js';
import { emailRetry } from '../../src/email/queue-email.js';
import { deliverEmail } from '../../src/jobs/deliver-email.js';
import type { JobPayloads } from '../../src/queue.js';
import { sendRequestedLink } from '../../src/jobs/send-link.js';
import type { validOrder } from './order-form.js';
import { cards, orderSentToGateway, reloadOrder } from './payments.js';
import type { ReceivedMail } from './smtp.js';
import type { TestApp } from './test-app.js';
import { visitor } from './visitor.js';

/** Orders and pays through the sandbox, then runs the order.paid follow-ups as the worker would. */
export async function paidOrder(t: TestApp, fields: Partial<typeof validOrder> = {}, slug = 'site-support'): Promise<Order> {
  const { order, attempt } = await orderSentToGateway(t, slug, fields);
  await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
  await sendOrderConfirmation(t.deps, order.id);
  await provisionClientAccount(t.deps, order.id);
  await deliverQueuedEmails(t);
  return reloadOrder(t, order.id);
}

/** Runs the queued "forgot password" and "send a new link" requests now, as the worker would. */
export async function runLinkRequests(t: TestApp): Promise<void> {
  for (;;) {
    const jobs = await t.deps.queue.fetch<JobPayloads['accounts.send-link']>('accounts.send-link', { batchSize: 50 });
    if (jobs.length === 0) return;
    for (const job of jobs) {
      await sendRequestedLink(t.deps, job);
      await t.deps.queue.complete('accounts.send-link', job.id);
    }
  }
}

/** Delivers every queued email now (after running the queued link requests), as the jobs would. */
export async function deliverQueuedEmails(t: TestApp): Promise<void> {
  await runLinkRequests(t);
  const queued = await t.deps.db.select({ id: emails.id }).from(emails).where(eq(emails.status, 'queued'));
  for (const { id } of queued) await deliverEmail(t.deps, { data: { emailId: id }, retryCount: 0, retryLimit: emailRetry.retryLimit });
}

export function mailTo(received: ReceivedMail[], address: string, subject: string | RegExp): ReceivedMail[] {
  return received.filter((m) => m.envelopeTo.includes(address) && (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)));
}

/** The newest email to `address` with this subject, waiting up to `timeoutMs` for the worker to send it. */
export async function latestMailTo(received: ReceivedMail[], address: string, subject: string | RegExp, timeoutMs = 20_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = mailTo(received, address, subject);
    if (found.length > 0) return found.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No email ${String(subject)} for ${address}; got: ${received.map((m) => m.subject).join(', ')}`);
}

export function credentialsIn(mail: ReceivedMail): { login: string; password: string } {
  const login = /Логин: (\S+)/.exec(mail.text)?.[1];
  const password = /Временный пароль: (\S+)/.exec(mail.text)?.[1];
  if (!login || !password) throw new Error(`No credentials in:\n${mail.text}`);
  return { login, password };
}

/** The emailed link's path and the token from its fragment. */
export function linkIn(mail: ReceivedMail, path: string): { url: string; path: string; token: string } {
  const url = new RegExp(`https?://\\S+${path}#token=([\\w-]+)`).exec(mail.text);
  if (!url) throw new Error(`No ${path} link in:\n${mail.text}`);
  return { url: url[0], path, token: url[1]! };
}

export const NEW_PASSWORD = 'зелёный чайник на подоконнике';

/**
 * A paid order's client who confirmed the address: their temporary credentials (unused).
 * Reads everything from the SMTP server, as the client would.
 */
export async function confirmedClient(t: TestApp, received: ReceivedMail[], fields: Partial<typeof validOrder>): Promise<{ login: string; password: string; order: Order }> {
  const order = await paidOrder(t, fields);
  const email = fields.email!;
  const credentials = credentialsIn(mailTo(received, email, 'Доступ в личный кабинет').at(-1)!);
  const link = linkIn(mailTo(received, email, 'Подтвердите адрес электронной почты').at(-1)!, '/account/verify-email');
  const confirmed = await visitor(t.app).post('/account/verify-email', { token: link.token }, '/account/verify-email');
  if (confirmed.statusCode !== 200) throw new Error(`Confirming answered ${confirmed.statusCode}`);
  return { ...credentials, order };
}

/** Signs in with the temporary password and replaces it, as the first visit does. */
export async function signedInClient(t: TestApp, received: ReceivedMail[], fields: Partial<typeof validOrder>, ip?: string) {
  const client = await confirmedClient(t, received, fields);
  const browser = visitor(t.app, ip);
  await browser.post('/account/login', { login: client.login, password: client.password }, '/account/login');
  const changed = await browser.post('/account/password/change', { password: NEW_PASSWORD, password_confirm: NEW_PASSWORD }, '/account/password/change');
  if (changed.statusCode !== 303) throw new Error(`Password change answered ${changed.statusCode}: ${changed.body.slice(0, 300)}`);
  return { ...client, password: NEW_PASSWORD, browser };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An email subject with an order number «У-…» between two fixed parts, whatever the number. */
export const subjectAround = (before: string, after: string): RegExp => new RegExp(`^${escapeRegExp(before)} У-\\d+${escapeRegExp(after)}$`);
