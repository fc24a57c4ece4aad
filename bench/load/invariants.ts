import type pg from 'pg';
import type { Sandbox } from '../../sandbox/freedompay/index.js';
import type { PlacedOrder } from './journey.js';
import { type Mailboxes, type MailKind, SUBJECTS } from './mailbox.js';

/**
 * What must hold after the run, read from the database, the gateway's own records and the SMTP
 * server's mailboxes — never from what the app said in its pages.
 */
export interface Check {
  name: string;
  figure: string;
  ok: boolean;
  problems: string[];
}

const EMAIL_KINDS: Record<MailKind, string> = {
  orderConfirmation: 'order_confirmation',
  credentials: 'credentials',
  verifyEmail: 'verify_email',
  accessActive: 'access_active',
  serviceAdded: 'service_added',
};

/** `staffEmails`: the back office's people, whose alerts (kind staff_alert) are checked with the receipts, not here. */
export async function checkInvariants(db: pg.Pool, sandbox: Sandbox, merchantId: string, placed: PlacedOrder[], mailboxes: Mailboxes, staffEmails: string[] = []): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (name: string, figure: string, problems: string[]) => checks.push({ name, figure, ok: problems.length === 0, problems });
  const rows = async <T extends pg.QueryResultRow>(sql: string) => (await db.query<T>(sql)).rows;

  // Orders: every order a client placed exists once and is paid.
  const orders = await rows<{ id: string; ref: string; email: string; state: string; price: number; client_id: string | null }>(
    'select id, public_ref as ref, lower(customer_email) as email, state, price_kopecks as price, client_id from orders',
  );
  const byRef = new Map(orders.map((order) => [order.ref, order]));
  const notPaid = orders.filter((order) => order.state !== 'paid');
  check('orders paid', `${orders.length - notPaid.length} of ${orders.length} (clients placed ${placed.length})`, [
    ...notPaid.map((order) => `order ${order.ref} is ${order.state}`),
    ...(orders.length !== placed.length ? [`${orders.length} orders in the database, ${placed.length} placed by clients`] : []),
    ...placed.filter((order) => !byRef.has(order.ref)).map((order) => `placed order ${order.ref} is not in the database`),
  ]);

  // Accounts: exactly one per address (case-insensitive), holding every order of that address.
  const addresses = new Map<string, { orders: number; clients: Set<string | null> }>();
  for (const order of orders) {
    const entry = addresses.get(order.email) ?? { orders: 0, clients: new Set() };
    entry.orders++;
    entry.clients.add(order.client_id);
    addresses.set(order.email, entry);
  }
  const clients = await rows<{ id: string; email: string; state: string; temporary: boolean }>(
    'select id, lower(email) as email, state::text as state, temporary_password_until is not null as temporary from clients',
  );
  const clientsByEmail = new Map<string, string[]>();
  for (const client of clients) clientsByEmail.set(client.email, [...(clientsByEmail.get(client.email) ?? []), client.id]);
  const accountProblems: string[] = [];
  for (const [email, entry] of addresses) {
    const accounts = clientsByEmail.get(email) ?? [];
    if (accounts.length !== 1) accountProblems.push(`${email}: ${accounts.length} accounts`);
    else if (entry.clients.size !== 1 || !entry.clients.has(accounts[0]!)) accountProblems.push(`${email}: orders linked to ${[...entry.clients].join(', ')}`);
  }
  for (const email of clientsByEmail.keys()) if (!addresses.has(email)) accountProblems.push(`${email}: an account without orders`);
  for (const client of clients) {
    if (client.state !== 'active') accountProblems.push(`${client.email}: account ${client.state}`);
    if (client.temporary) accountProblems.push(`${client.email}: still on the temporary password`);
  }
  check('accounts (one per distinct email, confirmed, own password)', `${clients.length} for ${addresses.size} distinct emails`, accountProblems);

  // Emails: exactly the designed ones, in the outbox and at the SMTP server.
  const expected = (orderCount: number): Record<MailKind, number> => ({ orderConfirmation: orderCount, credentials: 1, verifyEmail: 1, accessActive: 1, serviceAdded: orderCount - 1 });
  const outbox = await rows<{ kind: string; status: string; n: number }>('select kind, status::text as status, count(*)::int as n from emails group by 1, 2');
  const perOrder = await rows<{ ref: string; n: number }>(
    `select o.public_ref as ref, count(e.id)::int as n from orders o left join emails e on e.order_id = o.id and e.kind = 'order_confirmation' group by o.public_ref having count(e.id) <> 1`,
  );
  // By recipient: the order confirmation goes out before the account exists (no client id yet).
  const perAddress = await rows<{ email: string; kind: string; n: number }>(`select lower("to") as email, kind, count(*)::int as n from emails group by 1, 2`);
  const emailProblems: string[] = [
    ...outbox.filter((row) => row.status !== 'sent').map((row) => `${row.n} ${row.kind} emails ${row.status}`),
    ...outbox.filter((row) => !Object.values(EMAIL_KINDS).includes(row.kind) && row.kind !== 'staff_alert').map((row) => `${row.n} unexpected ${row.kind} emails`),
    ...perOrder.map((row) => `order ${row.ref}: ${row.n} order confirmations`),
  ];
  const outboxCount = (email: string, kind: MailKind) => perAddress.find((row) => row.email === email && row.kind === EMAIL_KINDS[kind])?.n ?? 0;
  const delivered: Record<MailKind, number> = { orderConfirmation: 0, credentials: 0, verifyEmail: 0, accessActive: 0, serviceAdded: 0 };
  for (const [email, entry] of addresses) {
    const want = expected(entry.orders);
    for (const kind of Object.keys(want) as MailKind[]) {
      const got = mailboxes.of(email, kind).length;
      delivered[kind] += got;
      if (got !== want[kind]) emailProblems.push(`${email}: ${got} ${kind} emails received (expected ${want[kind]})`);
      if (outboxCount(email, kind) !== want[kind]) emailProblems.push(`${email}: ${outboxCount(email, kind)} ${kind} emails in the outbox (expected ${want[kind]})`);
    }
  }
  for (const [address, mails] of mailboxes.all()) {
    if (staffEmails.includes(address)) continue;
    const strays = mails.filter((mail) => !Object.values(SUBJECTS).some((subject) => subject.test(mail.subject)));
    if (strays.length > 0) emailProblems.push(`${address}: unexpected emails ${strays.map((mail) => mail.subject).join('; ')}`);
    if (!addresses.has(address)) emailProblems.push(`${address}: emails for an address that ordered nothing`);
  }
  const wanted = [...addresses.values()].reduce((sum, entry) => sum + entry.orders, 0);
  check(
    'emails per type (exactly one each as designed)',
    `order confirmation ${delivered.orderConfirmation}/${wanted}, credentials ${delivered.credentials}/${addresses.size}, verification ${delivered.verifyEmail}/${addresses.size}, access active ${delivered.accessActive}/${addresses.size}, service added ${delivered.serviceAdded}/${wanted - addresses.size}`,
    emailProblems,
  );

  // Paid only on a verified gateway message: a paid attempt with the gateway's signed (or polled) "paid" for its amount.
  const unverified = await rows<{ ref: string }>(`
    select o.public_ref as ref from orders o
    where o.state = 'paid' and not exists (
      select 1 from payment_attempts a
      join payment_events e on e.attempt_id = a.id and e.kind = 'paid' and e.answer = 'ok'
        and e.gateway_payment_id = a.gateway_payment_id and e.amount_kopecks = a.amount_kopecks and e.currency = a.currency
      where a.order_id = o.id and a.state = 'paid' and a.amount_kopecks = o.price_kopecks)`);
  check('orders paid without a verified gateway event', String(unverified.length), unverified.map((row) => `order ${row.ref}`));

  // One transition per order however many callbacks came: one paid event, one order.paid job, no alerts.
  const transitions = await rows<{ ref: string; events: number; jobs: number }>(`
    select o.public_ref as ref,
      (select count(*)::int from payment_events e join payment_attempts a on a.id = e.attempt_id where a.order_id = o.id and e.kind = 'paid') as events,
      (select count(*)::int from pgboss.job j where j.name = 'order.paid' and j.data->>'orderId' = o.id::text) as jobs
    from orders o`);
  const alerts = await rows<{ kind: string; message: string }>('select kind, message from staff_alerts');
  check('one paid event and one order.paid job per order; no staff alerts', `${alerts.length} alerts`, [
    ...transitions.filter((row) => row.events !== 1 || row.jobs !== 1).map((row) => `order ${row.ref}: ${row.events} paid events, ${row.jobs} order.paid jobs`),
    ...alerts.map((alert) => `staff alert ${alert.kind}: ${alert.message}`),
  ]);

  // Money: each order's price = our attempt = our event = what the gateway took; nothing else was taken.
  const attempts = await rows<{ attempt_id: string; ref: string; gateway_payment_id: string | null; amount: number; currency: string; price: number; event_amount: number | null; source: string | null }>(`
    select a.id as attempt_id, o.public_ref as ref, a.gateway_payment_id, a.amount_kopecks as amount, a.currency, o.price_kopecks as price,
      e.amount_kopecks as event_amount, e.source
    from payment_attempts a join orders o on o.id = a.order_id
    left join payment_events e on e.attempt_id = a.id and e.kind = 'paid'`);
  const moneyProblems: string[] = [];
  let ours = 0;
  let theirs = 0;
  for (const row of attempts) {
    const gateway = sandbox.paymentByOrder(merchantId, row.attempt_id);
    const taken = gateway && gateway.status === 'success' ? kopecksOf(gateway.amount) : 0;
    ours += row.event_amount ?? 0;
    theirs += taken;
    if (!gateway) moneyProblems.push(`order ${row.ref}: the gateway has no payment`);
    else if (gateway.paymentId !== row.gateway_payment_id) moneyProblems.push(`order ${row.ref}: gateway payment ${gateway.paymentId}, ours ${row.gateway_payment_id}`);
    if (!(taken === row.price && row.amount === row.price && row.event_amount === row.price && gateway?.currency === row.currency && kopecksOf(gateway.clearingAmount) === row.price)) {
      moneyProblems.push(`order ${row.ref}: price ${row.price}, attempt ${row.amount}, event ${row.event_amount}, gateway ${gateway?.amount} ${gateway?.currency} (${gateway?.status}, cleared ${gateway?.clearingAmount})`);
    }
  }
  const gatewayOrders = new Set(placed.map((order) => order.attemptId));
  if (gatewayOrders.size !== attempts.length) moneyProblems.push(`${attempts.length} payment attempts in the database, ${gatewayOrders.size} payments made at the gateway`);
  check('money per order equal to the gateway’s', `${rub(ours)} recorded, ${rub(theirs)} taken by the gateway`, moneyProblems);

  // The faults really happened, and the gateway heard "ok" to every result callback it sent.
  const source = new Map(attempts.map((row) => [row.attempt_id, row.source]));
  const deliveries = sandbox.deliveries().filter((delivery) => delivery.kind === 'result');
  const refused = deliveries.filter((delivery) => delivery.error !== undefined || delivery.answerStatus !== 'ok');
  const dropped = placed.filter((order) => order.fault === 'dropped');
  check(
    'dropped callbacks finished by reconciliation; every callback answered ok',
    `${deliveries.length} result callbacks for ${placed.length - dropped.length} orders; ${dropped.length} dropped, ${[...source.values()].filter((s) => s === 'reconciliation').length} paid by reconciliation`,
    [
      ...dropped.filter((order) => source.get(order.attemptId) !== 'reconciliation').map((order) => `dropped order ${order.ref} paid by ${source.get(order.attemptId)}`),
      ...refused.slice(0, 20).map((delivery) => `result callback for ${delivery.orderId} (attempt ${delivery.attempt}): ${delivery.httpStatus} ${delivery.answerStatus} ${delivery.error ?? ''}`),
      ...(refused.length > 20 ? [`… ${refused.length - 20} more refused callbacks`] : []),
    ],
  );
  return checks;
}

/** The gateway spells amounts `1500` or `1500.50`. */
function kopecksOf(amount: string): number {
  const [whole = '0', cents = ''] = amount.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

function rub(kopecks: number): string {
  return `${(kopecks / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 })} ₽`;
}
