import type pg from 'pg';
import type { AtolSandbox } from '../../sandbox/atol/index.js';
import type { Check } from './invariants.js';

/**
 * The receipt invariant (docs/receipts.md), read from the database and the register's own records:
 * exactly one receipt per money event (a failed one re-issued counts once: its chain ends in `done`),
 * none without a money event; for every order and every surcharge, done sale receipts less done return
 * receipts = the money kept; and the register holds exactly one document per external id, each ours.
 */
export interface ReceiptBooks {
  receipts: number;
  reissued: number;
  moneyEvents: number;
  registerDocuments: number;
  held: boolean;
  check: Check;
}

export async function checkReceiptBooks(db: pg.Pool, atol: AtolSandbox): Promise<ReceiptBooks> {
  const rows = async <T extends pg.QueryResultRow>(sql: string) => (await db.query<T>(sql)).rows;
  const problems: string[] = [];

  // Money events: a card payment (order or surcharge), a completed order that had a prepayment receipt,
  // a surcharge paid through the register by a person, money returned.
  const events = await rows<{ event: string; source: string }>(`
    select case when invoice_id is null then 'order_paid' else 'invoice_paid' end as event, id::text as source from payment_attempts where paid_at is not null
    union all
    select 'order_completed', a.entity_id from audit_log a where a.action = 'order.completed'
      and exists (select 1 from receipts r where r.order_id::text = a.entity_id and r.event = 'order_paid')
    union all
    select 'invoice_paid', id::text from invoices where offline_method is not null and state = 'paid' and no_receipt_reason is null
    union all
    select 'money_returned', id::text from payment_operations where state = 'succeeded' and kind in ('cancel', 'refund')`);
  const receipts = await rows<{ id: string; event: string; source: string; reissue_of: string | null; state: string; kind: string; money: number; key: string; external_id: string; register_uuid: string | null }>(`
    select id, event::text as event, source_id::text as source, reissue_of, state::text as state, kind, money_kopecks as money,
      coalesce(invoice_id, order_id)::text as key, external_id, register_uuid from receipts`);

  const roots = new Map<string, number>();
  for (const r of receipts.filter((r) => r.reissue_of === null)) roots.set(`${r.event}:${r.source}`, (roots.get(`${r.event}:${r.source}`) ?? 0) + 1);
  const eventKeys = new Set(events.map((e) => `${e.event}:${e.source}`));
  for (const key of eventKeys) if (roots.get(key) !== 1) problems.push(`${key}: ${roots.get(key) ?? 0} receipts`);
  for (const key of roots.keys()) if (!eventKeys.has(key)) problems.push(`${key}: a receipt without a money event`);
  // Each chain (a receipt and its re-issues) ends in exactly one done receipt; the rest failed.
  const reissueOf = new Map(receipts.filter((r) => r.reissue_of).map((r) => [r.reissue_of!, r]));
  for (const root of receipts.filter((r) => r.reissue_of === null)) {
    const chain = [root];
    while (reissueOf.has(chain.at(-1)!.id)) chain.push(reissueOf.get(chain.at(-1)!.id)!);
    const states = chain.map((r) => r.state);
    if (states.at(-1) !== 'done' || states.slice(0, -1).some((s) => s !== 'fail')) problems.push(`${root.event}:${root.source}: receipts ${states.join(' → ')}`);
  }

  const kept = new Map<string, number>();
  const add = (key: string, kopecks: number) => kept.set(key, (kept.get(key) ?? 0) + kopecks);
  for (const a of await rows<{ key: string; kopecks: number }>(`select coalesce(invoice_id, order_id)::text as key, amount_kopecks as kopecks from payment_attempts where paid_at is not null`)) add(a.key, a.kopecks);
  for (const r of await rows<{ key: string; kopecks: number }>(`
    select coalesce(a.invoice_id, a.order_id)::text as key, o.amount_kopecks as kopecks from payment_operations o join payment_attempts a on a.id = o.attempt_id
    where o.state = 'succeeded' and o.kind in ('cancel', 'refund')`)) add(r.key, -r.kopecks);
  for (const i of await rows<{ key: string; kopecks: number }>(`select id::text as key, amount_kopecks as kopecks from invoices where offline_method is not null and state = 'paid' and no_receipt_reason is null`)) add(i.key, i.kopecks);
  const receipted = new Map<string, number>();
  for (const r of receipts.filter((r) => r.state === 'done')) receipted.set(r.key, (receipted.get(r.key) ?? 0) + (r.kind === 'sale' ? r.money : -r.money));
  for (const key of new Set([...kept.keys(), ...receipted.keys()])) {
    if ((kept.get(key) ?? 0) !== (receipted.get(key) ?? 0)) problems.push(`${key}: money kept ${kept.get(key) ?? 0}, on receipts ${receipted.get(key) ?? 0}`);
  }

  // The register's side: one document per external id, each a receipt of ours with its uuid and state.
  const documents = atol.receipts();
  const perExternalId = new Map<string, number>();
  for (const d of documents) perExternalId.set(d.externalId, (perExternalId.get(d.externalId) ?? 0) + 1);
  for (const [externalId, n] of perExternalId) if (n !== 1) problems.push(`register: ${n} documents for ${externalId}`);
  const byExternalId = new Map(receipts.map((r) => [r.external_id, r]));
  for (const d of documents) {
    const ours = byExternalId.get(d.externalId);
    if (!ours) problems.push(`register: document ${d.externalId} is not a receipt of ours`);
    else if (ours.register_uuid !== d.uuid || ours.state !== d.status) problems.push(`register: ${d.externalId} is ${d.status} (${d.uuid}), ours ${ours.state} (${ours.register_uuid})`);
  }
  for (const r of receipts.filter((r) => r.state === 'done' && !perExternalId.has(r.external_id))) problems.push(`${r.external_id}: done here, unknown to the register`);

  const reissued = receipts.filter((r) => r.reissue_of !== null).length;
  const figure = `${receipts.length} receipts (${reissued} re-issues of failed ones) for ${eventKeys.size} money events, ${documents.length} documents at the register`;
  return {
    receipts: receipts.length,
    reissued,
    moneyEvents: eventKeys.size,
    registerDocuments: documents.length,
    held: problems.length === 0,
    check: { name: 'receipts: one per money event, sales less returns = money kept, one register document per external id', figure, ok: problems.length === 0, problems },
  };
}

/**
 * Each failed receipt alerted the accountant once by email: the alert is written at once and its email
 * goes out then, or when the quiet hours end (night, weekend: docs/notifications.md); an email sent
 * arrived, once.
 */
export async function checkFailureAlerts(db: pg.Pool, received: number, accountantEmail: string): Promise<Check> {
  const { rows } = await db.query<{ failed: number; alerts: number; distinct_alerts: number; waiting: number; not_delivered: number; sent: number }>(
    `select (select count(*)::int from receipts where state = 'fail') as failed,
       count(n.id)::int as alerts, count(distinct n.event_key)::int as distinct_alerts,
       count(n.id) filter (where n.status = 'waiting')::int as waiting,
       count(n.id) filter (where n.status not in ('waiting', 'sent'))::int as not_delivered,
       count(e.id) filter (where e.status = 'sent')::int as sent
     from notifications n join staff s on s.id = n.staff_id and s.email = $1
     left join emails e on e.id = n.email_id
     where n.event_key like 'receipt.failed:%' and n.channel = 'email'`,
    [accountantEmail],
  );
  const { failed, alerts, distinct_alerts: distinct, waiting, not_delivered: notDelivered, sent } = rows[0]!;
  const problems = [
    ...(alerts !== failed || distinct !== failed ? [`${failed} failed receipts, ${alerts} alerts (${distinct} distinct)`] : []),
    ...(notDelivered > 0 ? [`${notDelivered} alerts neither sent nor waiting`] : []),
    ...(sent + waiting !== alerts || received !== sent ? [`${alerts} alerts: ${sent} emails sent, ${waiting} waiting for the quiet hours to end, ${received} received`] : []),
  ];
  return { name: 'one staff alert per failed receipt', figure: `${failed} failed, ${alerts} alerts, ${sent} emailed and received, ${waiting} held for the quiet hours`, ok: problems.length === 0, problems };
}
