import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionClientAccount } from '../../src/actions/accounts/provision-client-account.js';
import { sendOrderConfirmation } from '../../src/actions/orders/send-order-confirmation.js';
import { migrationsFolder } from '../../src/db/migrate.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';
import { deliverQueuedEmails } from '../helpers/accounts.js';
import { cards, orderSentToGateway } from '../helpers/payments.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';

// The order number («У-1042», decision 039) from the database sequence to what the client and the
// gateway read: the order page, the confirmation email over real SMTP, the payment's description.

describe.each(backends)('order numbers on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, clock, env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('gives orders placed one after another consecutive numbers', async () => {
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push((await orderSentToGateway(t, 'site-support', { email: `one.${i}@example.ru` })).order.number);
    expect(placed[0]).toBeGreaterThanOrEqual(1001);
    expect(placed).toEqual([placed[0]!, placed[0]! + 1, placed[0]! + 2]);
  });

  it('never gives two orders placed at the same moment one number', async () => {
    const placed = await Promise.all(Array.from({ length: 8 }, (_, i) => orderSentToGateway(t, 'site-support', { email: `many.${i}@example.ru` })));
    const numbers = placed.map(({ order }) => order.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(8);
    // Nothing else was placed meanwhile, so the eight fill a range with no gap.
    expect(numbers.at(-1)! - numbers[0]!).toBe(7);
  });

  it('shows the number on the order page, sends it to the gateway and puts it in the confirmation email', async () => {
    const { order, attempt } = await orderSentToGateway(t, 'site-support', { email: 'number@example.ru' });
    const number = orderNumber(order.number);
    expect(number).toBe(`У-${order.number}`);

    // What the payer reads on the gateway's page is what the sandbox received as pg_description.
    expect(t.sandbox.payment(attempt.gatewayPaymentId!)?.description).toBe(`Оплата заказа ${number}: ${order.serviceTitle}`);

    const before = await t.app.inject(`/orders/${order.publicRef}`);
    expect(before.body).toContain(`<dt>Номер заказа</dt><dd>${number}</dd>`);
    expect(before.body).toContain(`<title>Заказ ${number}: ${order.serviceTitle}`);

    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    const paid = await t.app.inject(`/orders/${order.publicRef}`);
    expect(paid.body).toContain('Оплата подтверждена');
    expect(paid.body).toContain(`<dt>Номер заказа</dt><dd>${number}</dd>`);

    await sendOrderConfirmation(t.deps, order.id);
    await provisionClientAccount(t.deps, order.id);
    await deliverQueuedEmails(t);
    const letters = smtp.received.filter((mail) => mail.envelopeTo.includes('number@example.ru'));
    const confirmation = letters.find((mail) => mail.subject === `Заказ ${number} оплачен: ${order.serviceTitle}`);
    expect(confirmation, letters.map((mail) => mail.subject).join(' | ')).toBeDefined();
    expect(confirmation!.text).toMatch(new RegExp(`Номер заказа: ${number}\\n`));
    expect(confirmation!.html).toContain(number);
    // The credentials email names the order the account was made for.
    expect(letters.find((mail) => mail.subject === 'Доступ в личный кабинет')!.text).toContain(`Для вашего заказа ${number} мы создали личный кабинет`);
    // The number is for people: the link in the email is still the unguessable reference.
    expect(confirmation!.text).toContain(`/orders/${order.publicRef}`);
    expect(confirmation!.text).not.toContain(`/orders/${order.number}`);
  });
});

describe('the migration that numbers orders placed before numbers existed', () => {
  let dir = '';
  let pglite: PGlite | undefined;
  afterAll(async () => {
    await pglite?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('numbers them in placement order from 1001, gives invoices their ordinals, and new orders continue after them', async () => {
    // The checked-in migrations up to the one that adds the columns, then orders, then the rest.
    dir = await mkdtemp(join(tmpdir(), 'uslugi-numbers-'));
    await cp(migrationsFolder, dir, { recursive: true });
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const first = journal.entries.findIndex((entry) => entry.tag.endsWith('_order_number_columns'));
    expect(first).toBeGreaterThan(0);
    await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, first) }));
    pglite = new PGlite();
    const db = drizzle({ client: pglite });
    await migrate(db, { migrationsFolder: dir });

    await pglite.exec(`
      insert into services (id, slug, title, summary, description, price_kopecks, billing)
        values ('00000000-0000-4000-8000-000000000001', 'old', 'Старая услуга', 'x', 'x', 100000, 'fixed');
      insert into staff (id, email, name, role, created_at)
        values ('00000000-0000-4000-8000-0000000000aa', 'm@example.ru', 'Менеджер', 'manager', now());
    `);
    // Inserted out of placement order, ids in neither order: only created_at decides.
    const placedAt = { c: '2026-01-03', a: '2026-01-01', b: '2026-01-02' } as const;
    const ids = { a: '00000000-0000-4000-8000-00000000000c', b: '00000000-0000-4000-8000-00000000000a', c: '00000000-0000-4000-8000-00000000000b' } as const;
    for (const key of ['c', 'a', 'b'] as const) {
      await pglite.query(
        `insert into orders (id, public_ref, service_id, service_title, price_kopecks, customer_name, customer_email, customer_phone,
           marketing_opt_in, offer_version, consent_version, privacy_version, accepted_at, client_ip, user_agent, created_at)
         values ($1, $2, '00000000-0000-4000-8000-000000000001', 'Старая услуга', 100000, 'Клиент', 'c@example.ru', '+79120000000',
           false, 'v1', 'v1', 'v1', $3, '127.0.0.1', 'test', $3)`,
        [ids[key], `ref-${key}`, `${placedAt[key]}T10:00:00Z`],
      );
    }
    for (const [invoice, at] of [['00000000-0000-4000-8000-0000000000f2', '2026-02-02'], ['00000000-0000-4000-8000-0000000000f1', '2026-02-01']] as const) {
      await pglite.query(
        `insert into invoices (id, public_ref, order_id, extra_minutes, hourly_rate_kopecks, proposed_kopecks, amount_kopecks, created_by, created_at)
         values ($1, $2, $3, 60, 100000, 100000, 100000, '00000000-0000-4000-8000-0000000000aa', $4)`,
        [invoice, `ref-${invoice}`, ids.a, `${at}T10:00:00Z`],
      );
    }

    await writeFile(journalPath, JSON.stringify(journal));
    await migrate(db, { migrationsFolder: dir });

    const numbered = await pglite.query<{ id: string; number: number }>('select id, number from orders order by number');
    expect(numbered.rows).toEqual([
      { id: ids.a, number: 1001 },
      { id: ids.b, number: 1002 },
      { id: ids.c, number: 1003 },
    ]);
    const ordinals = await pglite.query<{ id: string; ordinal: number }>('select id, ordinal from invoices order by ordinal');
    expect(ordinals.rows).toEqual([
      { id: '00000000-0000-4000-8000-0000000000f1', ordinal: 1 },
      { id: '00000000-0000-4000-8000-0000000000f2', ordinal: 2 },
    ]);

    const next = await pglite.query<{ number: number }>(
      `insert into orders (public_ref, service_id, service_title, price_kopecks, customer_name, customer_email, customer_phone,
         marketing_opt_in, offer_version, consent_version, privacy_version, accepted_at, client_ip, user_agent, created_at)
       values ('ref-new', '00000000-0000-4000-8000-000000000001', 'Старая услуга', 100000, 'Клиент', 'c@example.ru', '+79120000000',
         false, 'v1', 'v1', 'v1', now(), '127.0.0.1', 'test', now()) returning number`,
    );
    expect(next.rows).toEqual([{ number: 1004 }]);
    await expect(pglite.query('update orders set number = 1001 where id = $1', [ids.b])).rejects.toThrow(/orders_number_unique/);
  });
});
