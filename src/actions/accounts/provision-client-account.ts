import { eq } from 'drizzle-orm';
import { accountLinks } from '../../accounts/links.js';
import { hashPassword, loginNumber, temporaryPassword } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { LIFETIMES, validUntil } from '../../domain/accounts/credential-lifetimes.js';
import { generatedLogin } from '../../domain/accounts/login-name.js';
import { issueToken } from '../../db/queries/client-tokens.js';
import { findClientByEmail, type Client } from '../../db/queries/clients.js';
import { clients, orders } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { credentialsEmail } from '../../email/templates/credentials.js';
import { serviceAddedEmail } from '../../email/templates/service-added.js';
import { verifyEmailEmail } from '../../email/templates/verify-email.js';
import { recordClientCreated } from '../webhooks/business-events.js';
import { orderNumber } from '../../domain/orders/order-number.js';

type ProvisionDeps = Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>;
type Order = typeof orders.$inferSelect;

/**
 * The `order.paid` follow-up that gives the client their personal account. A new address gets an
 * account with a generated login and a temporary password (credentials email), then a separate
 * verification email; a known address gets the order added to its account. Runs once per order:
 * the order's client_id says it is done.
 */
export async function provisionClientAccount(deps: ProvisionDeps, orderId: string): Promise<'created' | 'attached' | 'already_done' | 'not_paid'> {
  const password = temporaryPassword();
  // Hashing costs ~20 ms of CPU: done before the transaction, so no row stays locked meanwhile, and
  // only when the address has no account yet (a returning client's order needs no password).
  const early = await needsNewAccount(deps, orderId);
  const passwordHash = early ? await hashPassword(password) : null;
  return deps.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order?.paidAt) return 'not_paid';
    if (order.clientId) return 'already_done';

    const known = await findClientByEmail(tx, order.customerEmail);
    // The account seen a moment ago is gone (pruned meanwhile, rare): hash now, holding the order's lock.
    const created = known ? undefined : await createClient(tx, order, passwordHash ?? (await hashPassword(password)), deps.clock.now());
    // An account created meanwhile by another order with the same address counts as known.
    const client = known ?? created ?? (await findClientByEmail(tx, order.customerEmail));
    if (!client) throw new Error(`Could not create a client account for order ${order.id}`);
    await tx.update(orders).set({ clientId: client.id }).where(eq(orders.id, order.id));

    if (created) {
      await sendCredentials(deps, tx, order, created, password);
      await recordClientCreated(deps, tx, created, order.id);
      return 'created';
    }
    const content = serviceAddedEmail(
      { customerName: client.name, serviceTitle: order.serviceTitle, orderNumber: orderNumber(order.number), accountUrl: accountLinks(deps.config.PUBLIC_URL).account },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'service_added', to: client.email, orderId: order.id, clientId: client.id, content });
    return 'attached';
  });
}

/** True unless the order already has its account or its address has one (read without locks: a hint). */
async function needsNewAccount(deps: ProvisionDeps, orderId: string): Promise<boolean> {
  const [order] = await deps.db.select({ clientId: orders.clientId, email: orders.customerEmail }).from(orders).where(eq(orders.id, orderId));
  if (!order || order.clientId) return false;
  return !(await findClientByEmail(deps.db, order.email));
}

/**
 * Inserts the account under a fresh generated login. A login already taken means another number;
 * an address already taken (a concurrent order) means undefined, and the caller attaches instead.
 */
async function createClient(tx: Tx, order: Order, passwordHash: string, now: Date): Promise<Client | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const login = generatedLogin(order.customerName, loginNumber());
    const [client] = await tx
      .insert(clients)
      .values({
        login,
        email: order.customerEmail,
        name: order.customerName,
        phone: order.customerPhone,
        passwordHash,
        temporaryPasswordUntil: validUntil(now, LIFETIMES.temporaryPassword),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (client) return client;
    if (await findClientByEmail(tx, order.customerEmail)) return undefined;
  }
  throw new Error('No free login after 20 tries');
}

async function sendCredentials(deps: ProvisionDeps, tx: Tx, order: Order, client: Client, password: string): Promise<void> {
  const links = accountLinks(deps.config.PUBLIC_URL);
  const company = deps.content.current();
  const now = deps.clock.now();
  const credentials = credentialsEmail(
    { customerName: client.name, orderNumber: orderNumber(order.number), login: client.login, temporaryPassword: password, loginUrl: links.signIn, validUntil: client.temporaryPasswordUntil! },
    company,
  );
  await queueEmail(deps, tx, { kind: 'credentials', to: client.email, orderId: order.id, clientId: client.id, content: credentials, secret: true });
  const { token, expiresAt } = await issueToken(tx, { clientId: client.id, purpose: 'verify_email', now, lifetimeMs: LIFETIMES.verifyEmail });
  const verification = verifyEmailEmail({ customerName: client.name, verifyUrl: links.verifyEmail(token), validUntil: expiresAt }, company);
  await queueEmail(deps, tx, { kind: 'verify_email', to: client.email, orderId: order.id, clientId: client.id, content: verification, secret: true });
}
