import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { fieldsOf } from '../src/payments/freedompay/fields.js';
import { signed } from '../src/payments/freedompay/signature.js';

// What the PostgreSQL benches share: a scratch database, orders already sent to the gateway, and the
// signed "paid" result callback for each.

export const BENCH_MERCHANT = { id: '545084', secret: 'bench-merchant-secret' };

/** A database of its own on BENCH_DATABASE_URL's server (default: the local PostgreSQL), created now. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `uslugi_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  return {
    url: Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

export interface BenchOrder {
  attemptId: string;
  gatewayPaymentId: string;
  priceKopecks: number;
  email: string;
}

/** Orders numbered from..to awaiting payment, each for bench-N@example.ru with an attempt already at the gateway. */
export async function ordersSentToGateway(db: pg.Pool, from: number, to: number): Promise<BenchOrder[]> {
  const { rows } = await db.query<BenchOrder>(`
    with service as (select id, title, price_kopecks from services order by sort_order limit 1),
    made as (
      insert into orders (public_ref, service_id, service_title, price_kopecks, customer_name, customer_email, customer_phone,
        marketing_opt_in, offer_version, consent_version, privacy_version, accepted_at, client_ip, user_agent, created_at)
      select 'bench' || lpad(n::text, 19, '0'), service.id, service.title, service.price_kopecks, 'Иван Петров', 'bench-' || n || '@example.ru',
        '+79123456789', false, 'v', 'v', 'v', now(), '127.0.0.1', 'bench', now()
      from generate_series(${from}, ${to}) n, service
      returning id, price_kopecks, public_ref, customer_email),
    attempts as (
      insert into payment_attempts (order_id, amount_kopecks, state, gateway_payment_id, created_at, expires_at)
      select id, price_kopecks, 'initiated', substr(public_ref, 6), now(), now() + interval '1 hour' from made
      returning id, order_id, gateway_payment_id)
    select attempts.id as "attemptId", attempts.gateway_payment_id as "gatewayPaymentId",
      made.price_kopecks as "priceKopecks", made.customer_email as email
    from attempts join made on made.id = attempts.order_id`);
  return rows;
}

/** The form body of the gateway's signed result callback saying this order was paid by card. */
export function paidCallbackBody(order: BenchOrder): string {
  const fields = fieldsOf({
    pg_order_id: order.attemptId,
    pg_payment_id: order.gatewayPaymentId,
    pg_amount: (order.priceKopecks / 100).toFixed(2),
    pg_currency: 'RUB',
    pg_result: '1',
    pg_can_reject: '1',
    pg_captured: '1',
    pg_card_pan: '4716-04XX-XXXX-1981',
    pg_card_brand: 'VI',
  });
  return new URLSearchParams(signed('result', fields, BENCH_MERCHANT.secret) as [string, string][]).toString();
}
