import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signed } from '../../sandbox/freedompay/signature.js';
import { agreeSpecification } from '../../src/actions/orders/agree-specification.js';
import { completeWork } from '../../src/actions/orders/complete-work.js';
import { logContact } from '../../src/actions/orders/log-contact.js';
import { startWork } from '../../src/actions/orders/start-work.js';
import { refundPayment } from '../../src/actions/payments/refund-payment.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { auditLog, webhookDeliveries, webhookEndpoints, webhookEvents } from '../../src/db/schema/index.js';
import { eventually, jobsSettled, retriesDueNow, sqlOn, type RunSql } from '../helpers/fault-jobs.js';
import { cards, orderSentToGateway, reloadOrder } from '../helpers/payments.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, testMerchant, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';
import { REPLAY_WINDOW_SECONDS, startWebhookReceiver, verifySignature, type ReceivedWebhook, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { orderNumber } from '../../src/domain/orders/order-number.js';

// The CRM side is a real HTTP server on loopback that checks signatures its own way
// (tests/helpers/webhook-receiver.ts); the shop runs its real worker, so deliveries go out by themselves.

const ALL_EVENTS = ['order.paid', 'order.contacted', 'order.completed', 'order.refunded', 'invoice.paid', 'client.created'];
const QUEUE = ['webhooks.deliver'];

describe.each(backends)('webhooks to CRMs on %s', (backend) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let run: RunSql;
  let admin: Visitor;
  let adminMember: StaffMember;
  let manager: Visitor;
  let accountant: Visitor;
  const endpoints: Record<'a' | 'b' | 'off' | 'flaky', string> = { a: '', b: '', off: '', flaky: '' };
  let paidOrderId = '';

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    t = await createTestApp(backend, { captcha: false, worker: true });
    run = sqlOn(t.deps.database);
    ({ browser: admin, member: adminMember } = await staffBrowser(t, 'admin'));
    ({ browser: manager } = await staffBrowser(t, 'manager'));
    ({ browser: accountant } = await staffBrowser(t, 'accountant'));
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  const at = (path: string) => receiver.received.filter((r) => r.path === path);
  const of = (path: string, type: string, ref?: string) => at(path).filter((r) => r.json.type === type && (ref === undefined || r.json.data.order?.ref === ref));
  const deliveriesOf = (endpointId: string) => t.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

  /** Adds an endpoint through the form; the page shows its secret once, and the receiver is given it. */
  async function addEndpoint(path: string, name: string, events: string[]): Promise<string> {
    const page = await admin.post('/admin/webhooks', { name, url: receiver.url(path), events }, '/admin/webhooks');
    expect(page.statusCode).toBe(200);
    const secret = /whsec_[\w-]{43}/.exec(page.body)?.[0];
    expect(page.body).toContain('больше он нигде не будет показан');
    receiver.secrets.set(path, secret!);
    return /href="\/admin\/webhooks\/([0-9a-f-]{36})"/.exec(page.body)![1]!;
  }

  it('is for admins only', async () => {
    for (const who of [manager, accountant]) {
      expect((await who.get('/admin/webhooks')).statusCode).toBe(403);
      expect((await who.post('/admin/webhooks', { name: 'x', url: receiver.url('/x'), events: ['order.paid'] }, '/admin')).statusCode).toBe(403);
      expect((await who.get('/admin')).body).not.toContain('href="/admin/webhooks"');
    }
    expect((await admin.get('/admin')).body).toContain('href="/admin/webhooks"');
    expect(await t.deps.db.select().from(webhookEndpoints)).toEqual([]);
  });

  it('refuses addresses that are not https (except loopback outside production), carry credentials, and forms without events', async () => {
    const tries = [
      { url: 'ftp://crm.example.ru/hook', error: 'Адрес должен начинаться с https://.' },
      { url: 'http://crm.example.ru/hook', error: 'http:// допускается только для этого компьютера' },
      { url: receiver.url('/x').replace('http://', 'http://user:pass@'), error: 'Логин и пароль в адресе не допускаются' },
    ];
    for (const attempt of tries) {
      const page = await admin.post('/admin/webhooks', { name: 'CRM', url: attempt.url, events: ['order.paid'] }, '/admin/webhooks');
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain(attempt.error);
    }
    const noEvents = await admin.post('/admin/webhooks', { name: 'CRM', url: receiver.url('/x') }, '/admin/webhooks');
    expect(noEvents.statusCode).toBe(422);
    expect(noEvents.body).toContain('Выберите хотя бы одно событие.');
    expect(await t.deps.db.select().from(webhookEndpoints)).toEqual([]);
  });

  it('shows the secret once, stores it sealed and never logs it', async () => {
    endpoints.a = await addEndpoint('/crm-a', 'Битрикс24', ALL_EVENTS);
    endpoints.b = await addEndpoint('/crm-b', 'amoCRM', ['order.paid']);
    endpoints.off = await addEndpoint('/crm-off', 'Старая CRM', ALL_EVENTS);
    endpoints.flaky = await addEndpoint('/flaky', 'Нестабильная CRM', ['order.completed']);
    const switched = await admin.post(`/admin/webhooks/${endpoints.off}/enabled`, { enabled: '0' }, `/admin/webhooks/${endpoints.off}`);
    expect(switched.statusCode).toBe(303);

    const secret = receiver.secrets.get('/crm-a')!;
    const page = await admin.get(`/admin/webhooks/${endpoints.a}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Битрикс24');
    expect(page.body).not.toContain(secret);
    expect((await admin.get('/admin/webhooks')).body).not.toContain(secret);
    const [row] = await t.deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoints.a));
    expect(row!.sealedSecret).not.toContain(secret);
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.entity, 'webhook_endpoint'));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['webhook.endpoint_created', 'webhook.endpoint_disabled']));
    expect(JSON.stringify(entries)).not.toContain('whsec_');
  });

  it('delivers order.paid to every subscribed endpoint within seconds, signed, and client.created after it', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    const started = Date.now();
    await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain);
    await eventually(async () => of('/crm-a', 'order.paid', order.publicRef).length === 1 && of('/crm-b', 'order.paid', order.publicRef).length === 1, 'order.paid reached both CRMs', 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    paidOrderId = order.id;

    const request = of('/crm-a', 'order.paid', order.publicRef)[0]!;
    expect(request.verdict).toBe('valid');
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.headers['x-uslugi-event']).toBe('order.paid');
    expect(Math.abs(request.receivedAt / 1000 - request.timestamp!)).toBeLessThan(REPLAY_WINDOW_SECONDS);
    // The receiver has answered; the worker records the answer a moment later.
    await eventually(async () => (await deliveriesOf(endpoints.a))[0]?.status === 'delivered', 'the answer was recorded');
    const [delivery] = await deliveriesOf(endpoints.a);
    expect(request.headers['x-uslugi-delivery']).toBe(delivery!.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200, responseBody: 'принято' });
    expect(of('/crm-b', 'order.paid')[0]!.json.id).toBe(request.json.id);
    expect(of('/crm-b', 'order.paid')[0]!.headers['x-uslugi-delivery']).not.toBe(delivery!.id);

    const paid = await reloadOrder(t, order.id);
    expect(request.json).toMatchObject({
      id: delivery!.eventId,
      type: 'order.paid',
      version: 1,
      data: {
        order: { id: order.id, number: orderNumber(order.number), ref: order.publicRef, state: 'paid', paid_at: paid.paidAt!.toISOString() },
        service: { id: order.serviceId, title: order.serviceTitle },
        amount: { kopecks: order.priceKopecks, roubles: (order.priceKopecks / 100).toFixed(2) },
        client: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
        utm: null,
      },
    });

    // When the event was recorded: in the transaction that marked the order paid.
    expect(new Date(request.json.created_at).getTime()).toBeGreaterThanOrEqual(paid.paidAt!.getTime());
    expect(new Date(request.json.created_at).getTime() - paid.paidAt!.getTime()).toBeLessThan(5_000);

    await eventually(async () => of('/crm-a', 'client.created', order.publicRef).length === 1, 'client.created reached the CRM');
    expect(of('/crm-a', 'client.created')[0]!.json.data.client).toMatchObject({ email: order.customerEmail, name: order.customerName, phone: order.customerPhone });
    expect(of('/crm-b', 'client.created')).toEqual([]);
  });

  it('sends each event exactly once per endpoint when the gateway repeats its callback at once', async () => {
    const { order, attempt } = await orderSentToGateway(t);
    t.sandbox.setFaults(attempt.id, { dropResult: true });
    expect((await t.sandbox.pay(attempt.gatewayPaymentId!, cards.plain)).outcome).toBe('success');
    const fields = signed(
      'result',
      [
        ['pg_order_id', attempt.id],
        ['pg_payment_id', attempt.gatewayPaymentId!],
        ['pg_amount', (attempt.amountKopecks / 100).toFixed(2)],
        ['pg_currency', 'RUB'],
        ['pg_result', '1'],
        ['pg_can_reject', '1'],
        ['pg_captured', '1'],
        ['pg_card_pan', '4716-04XX-XXXX-1981'],
        ['pg_card_brand', 'VI'],
        ['pg_payment_date', DateTime.now().setZone('Asia/Almaty').toFormat('yyyy-MM-dd HH:mm:ss')],
      ],
      testMerchant.secret,
    ) as [string, string][];
    const body = new URLSearchParams(fields).toString();
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const answer = await fetch(`${t.baseUrl}/payments/freedompay/result`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        return /<pg_status>(\w+)<\/pg_status>/.exec(await answer.text())?.[1];
      }),
    );
    expect(answers).toEqual(Array(6).fill('ok'));
    await eventually(async () => of('/crm-a', 'order.paid', order.publicRef).length >= 1 && of('/crm-b', 'order.paid', order.publicRef).length >= 1, 'order.paid reached both CRMs');
    await eventually(() => jobsSettled(run, QUEUE), 'every delivery job finished');
    expect(of('/crm-a', 'order.paid', order.publicRef)).toHaveLength(1);
    expect(of('/crm-b', 'order.paid', order.publicRef)).toHaveLength(1);
    const events = await t.deps.db.select().from(webhookEvents).where(and(eq(webhookEvents.orderId, order.id), eq(webhookEvents.type, 'order.paid')));
    expect(events).toHaveLength(1);
  });

  it('retries an endpoint that answers 5xx with backoff, keeping its answer, then delivers the same request', async () => {
    receiver.answers.set('/flaky', [503]);
    const clicked = await admin.post(`/admin/webhooks/${endpoints.flaky}/test`, {}, `/admin/webhooks/${endpoints.flaky}`);
    expect(clicked.statusCode).toBe(303);
    expect(clicked.headers.location).toBe(`/admin/webhooks/${endpoints.flaky}?done=test`);
    await eventually(async () => (await deliveriesOf(endpoints.flaky))[0]?.attempts === 1, 'the first attempt was recorded');
    const [failed] = await deliveriesOf(endpoints.flaky);
    expect(failed).toMatchObject({ status: 'queued', responseStatus: 503, lastError: 'HTTP 503' });
    // The answer is kept up to 1 KB (the receiver sent about 3 KB).
    expect(Buffer.byteLength(failed!.responseBody!)).toBe(1024);
    expect(failed!.durationMs).toBeGreaterThanOrEqual(0);
    const [job] = await run(`select state::text as state, extract(epoch from start_after - now())::float8 as due_in from pgboss.job where name = 'webhooks.deliver' and data->>'deliveryId' = $1`, [failed!.id]);
    expect(job!.state).toBe('retry');
    expect(Number(job!.due_in)).toBeGreaterThan(50); // the first backoff is 1–2 minutes

    expect(await retriesDueNow(run, QUEUE)).toBe(1);
    await eventually(async () => (await deliveriesOf(endpoints.flaky))[0]?.status === 'delivered', 'the retry was delivered');
    const requests = at('/flaky');
    expect(requests.map((r) => r.json.type)).toEqual(['ping', 'ping']);
    expect(requests.map((r) => r.verdict)).toEqual(['valid', 'valid']);
    expect(new Set(requests.map((r) => r.headers['x-uslugi-delivery']))).toEqual(new Set([failed!.id]));
    expect(requests[1]!.rawBody).toBe(requests[0]!.rawBody);
    expect((await deliveriesOf(endpoints.flaky))[0]).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
    const page = (await admin.get(`/admin/webhooks/${endpoints.flaky}`)).body;
    expect(page).toContain('Доставлено');
    expect(page).toContain('попыток: 2');
  });

  it('«Отправить ещё раз» sends the same event as a new delivery', async () => {
    const [original] = (await deliveriesOf(endpoints.b)).filter((d) => d.status === 'delivered');
    const before = at('/crm-b').length;
    const clicked = await admin.post(`/admin/webhooks/deliveries/${original!.id}/resend`, {}, `/admin/webhooks/${endpoints.b}`);
    expect(clicked.statusCode).toBe(303);
    expect(clicked.headers.location).toBe(`/admin/webhooks/${endpoints.b}?done=resent`);
    await eventually(async () => at('/crm-b').length === before + 1, 'the copy arrived');
    const copy = at('/crm-b').at(-1)!;
    const first = at('/crm-b').find((r) => r.headers['x-uslugi-delivery'] === original!.id)!;
    expect(copy.verdict).toBe('valid');
    expect(copy.rawBody).toBe(first.rawBody);
    expect(copy.headers['x-uslugi-delivery']).not.toBe(original!.id);
    const [row] = await t.deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, String(copy.headers['x-uslugi-delivery'])));
    expect(row).toMatchObject({ resentFrom: original!.id, requestedBy: adminMember.id, eventId: original!.eventId });
  });

  it('switching an endpoint off cancels what was still waiting for it, retries included', async () => {
    receiver.answers.set('/flaky', [503]);
    const before = at('/flaky').length;
    expect((await admin.post(`/admin/webhooks/${endpoints.flaky}/test`, {}, `/admin/webhooks/${endpoints.flaky}`)).statusCode).toBe(303);
    const waiting = async () => (await deliveriesOf(endpoints.flaky)).filter((d) => d.attempts === 1 && d.status !== 'delivered');
    await eventually(async () => (await waiting()).length === 1, 'the first attempt failed');
    const off = await admin.post(`/admin/webhooks/${endpoints.flaky}/enabled`, { enabled: '0' }, `/admin/webhooks/${endpoints.flaky}`);
    expect(off.headers.location).toBe(`/admin/webhooks/${endpoints.flaky}?done=disabled`);
    expect((await waiting()).map((d) => d.status)).toEqual(['cancelled']);
    expect(await retriesDueNow(run, QUEUE)).toBe(1);
    await eventually(() => jobsSettled(run, QUEUE), 'the retry ran');
    expect(at('/flaky')).toHaveLength(before + 1);
    expect((await admin.post(`/admin/webhooks/${endpoints.flaky}/enabled`, { enabled: '1' }, `/admin/webhooks/${endpoints.flaky}`)).statusCode).toBe(303);
  });

  it('sends the workflow and refund events as the order moves', async () => {
    const actor = { member: adminMember, ip: '203.0.113.5' };
    const order = await reloadOrder(t, paidOrderId);
    const contacted = await logContact(t.deps, { ...actor, orderId: order.id, body: { channel: 'phone', outcome: 'reached', note: '', contacted_at: DateTime.now().setZone('Europe/Moscow').toFormat("yyyy-MM-dd'T'HH:mm") } });
    expect(contacted).toMatchObject({ kind: 'done' });
    await eventually(async () => of('/crm-a', 'order.contacted', order.publicRef).length === 1, 'order.contacted arrived');
    expect(of('/crm-a', 'order.contacted')[0]!.json.data).toMatchObject({ order: { state: 'contacted' }, contact: { channel: 'phone', outcome: 'reached' } });

    expect((await agreeSpecification(t.deps, { ...actor, orderId: order.id, body: { text: 'Настроить резервное копирование', hours: '2' } })).kind).toBe('done');
    expect((await startWork(t.deps, { ...actor, orderId: order.id })).kind).toBe('done');
    expect((await completeWork(t.deps, { ...actor, orderId: order.id })).kind).toBe('done');
    await eventually(async () => of('/crm-a', 'order.completed', order.publicRef).length === 1 && of('/flaky', 'order.completed', order.publicRef).length === 1, 'order.completed arrived');

    const [attemptRow] = await run('select id, amount_kopecks from payment_attempts where order_id = $1', [order.id]);
    expect((await refundPayment(t.deps, { attemptId: String(attemptRow!.id), amountKopecks: 100_00, reason: 'Часть работы не понадобилась' })).kind).toBe('succeeded');
    await eventually(async () => of('/crm-a', 'order.refunded', order.publicRef).length === 1, 'order.refunded arrived');
    expect(of('/crm-a', 'order.refunded')[0]!.json.data.refund).toMatchObject({
      operation: 'refund',
      amount: { kopecks: 100_00, roubles: '100.00' },
      returned_total: { kopecks: 100_00 },
      full: false,
      invoice_id: null,
    });
    expect(at('/crm-b').map((r) => r.json.type).every((type) => type === 'order.paid')).toBe(true);
  });

  it('sends nothing to a disabled endpoint, not even a test event', async () => {
    await eventually(() => jobsSettled(run, QUEUE), 'every delivery job finished');
    expect(at('/crm-off')).toEqual([]);
    expect(await deliveriesOf(endpoints.off)).toEqual([]);
    const refused = await admin.post(`/admin/webhooks/${endpoints.off}/test`, {}, `/admin/webhooks/${endpoints.off}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Получатель отключён');
    expect(await deliveriesOf(endpoints.off)).toEqual([]);
  });

  it('signs with the time of sending, and the documentation tells receivers to refuse it after 5 minutes', () => {
    const request: ReceivedWebhook = at('/crm-a')[0]!;
    const secret = receiver.secrets.get('/crm-a')!;
    expect(String(request.headers['x-uslugi-signature'])).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    expect(verifySignature(String(request.headers['x-uslugi-signature']), request.rawBody, secret, request.timestamp! + REPLAY_WINDOW_SECONDS).verdict).toBe('valid');
    expect(verifySignature(String(request.headers['x-uslugi-signature']), request.rawBody, secret, request.timestamp! + REPLAY_WINDOW_SECONDS + 1).verdict).toBe('stale');
    expect(verifySignature(String(request.headers['x-uslugi-signature']), `${request.rawBody} `, secret, request.timestamp!).verdict).toBe('bad_signature');
    const docs = readFileSync(new URL('../../docs/integrations.md', import.meta.url), 'utf8');
    expect(docs).toContain('X-Uslugi-Signature: t=');
    expect(docs).toMatch(/older than 5 minutes/);
  });
});
