import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/db/queries/audit.js';
import type { Order } from '../../src/db/queries/orders.js';
import { auditLog } from '../../src/db/schema/index.js';
import { auditActionWords, type AuditAction } from '../../src/domain/records/audit-actions.js';
import { paidOrder } from '../helpers/accounts.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';

describe.each(backends)('back office: the audit log on %s', (backend) => {
  let t: TestApp;
  let admin: Visitor;
  let manager: Visitor;
  let managerId: string;
  let managerName: string;
  let order: Order;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));

  /** The actions of the rows a log page shows, newest first, as codes: the page shows each in words, never its code. */
  async function actions(url: string): Promise<string[]> {
    const page = await admin.get(url);
    expect(page.statusCode).toBe(200);
    const codeOf = new Map<string, string>(Object.entries(auditActionWords).map(([code, words]) => [words, code]));
    return [...page.body.matchAll(/<td data-label="Что">([^<]+)<\/td>/g)].map((m) => codeOf.get(m[1]!) ?? `not in words: ${m[1]}`);
  }

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    order = await paidOrder(t, { name: 'Анна Смирнова', email: 'anna@example.ru' });
    admin = (await staffBrowser(t, 'admin', '198.51.100.1')).browser;
    const signedIn = await staffBrowser(t, 'manager', '203.0.113.77');
    manager = signedIn.browser;
    managerId = signedIn.member.id;
    managerName = signedIn.member.name;
    // Entries from earlier days, written as the actions write them.
    const entry = (at: string, action: AuditAction, entityId: string) =>
      audit(t.deps.db, { staffId: managerId, action, entity: 'order', entityId, details: { note: 'старое', amountKopecks: 150_000 }, ip: '203.0.113.5', at: new Date(at) });
    await entry('2026-11-22T23:50:00+03:00', 'order.taken', order.id); // Sunday evening, Moscow
    await entry('2026-11-23T00:10:00+03:00', 'order.contact_logged', order.id); // Monday just after midnight, Moscow (Sunday in UTC)
    await entry('2026-11-23T23:59:00+03:00', 'order.work_started', order.id);
    // Today: the manager opens the client's card.
    expect((await manager.get(`/admin/clients/${order.clientId}`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('shows who, what, which record (linked), when in Moscow time, the IP and the details; newest first', async () => {
    const page = await admin.get('/admin/audit');
    expect(page.statusCode).toBe(200);
    expect(await actions('/admin/audit')).toEqual(['client.viewed', 'staff.signed_in', 'staff.signed_in', 'order.work_started', 'order.contact_logged', 'order.taken']);
    expect(page.body).toContain('<td data-label="Что">Открыта карточка клиента</td>');
    expect(page.body).toContain('<td data-label="Что">Вход в систему управления</td>');
    expect(page.body).not.toMatch(/<td data-label="Что">[^<]*(client\.viewed|staff\.signed_in)/);
    expect(page.body).toContain(`<td data-label="Кто">${managerName}</td>`);
    expect(page.body).toContain(`<a href="/admin/clients/${order.clientId}">Клиент</a>`);
    expect(page.body).toContain(`<a href="/admin/orders/${order.id}">Заказ</a>`);
    expect(page.body).toContain('203.0.113.77');
    expect(page.body).toContain('23.11.2026 00:10');
    expect(page.body).toMatch(/<dt>amountKopecks:<\/dt> <dd>1\u00a0500\u00a0₽<\/dd>/);
    expect(page.body).toContain('<dd>старое</dd>');
    // Read only: no forms other than the filters and signing out.
    expect(page.body.match(/method="post"/g)).toHaveLength(1);
  });

  it('filters by staff member, action prefix, record, and Moscow dates', async () => {
    expect(await actions(`/admin/audit?staff=${managerId}&action=order.`)).toEqual(['order.work_started', 'order.contact_logged', 'order.taken']);
    expect(await actions('/admin/audit?action=staff.')).toEqual(['staff.signed_in', 'staff.signed_in']);
    expect(await actions('/admin/audit?action=order.contact')).toEqual(['order.contact_logged']);
    expect(await actions(`/admin/audit?entity=client&entity_id=${order.clientId}`)).toEqual(['client.viewed']);
    expect(await actions(`/admin/audit?entity=order&entity_id=${order.id}&from=2026-11-23&to=2026-11-23`)).toEqual(['order.work_started', 'order.contact_logged']);
    expect(await actions('/admin/audit?to=2026-11-22')).toEqual(['order.taken']);
    expect(await actions('/admin/audit?from=2026-11-24')).toEqual(['client.viewed', 'staff.signed_in', 'staff.signed_in']);
    // The pager keeps the filters.
    const page = await admin.get('/admin/audit?action=order.');
    expect(page.body).toContain('Найдено записей: 3');
    expect(page.body).toContain('value="order."');
  });

  it('explains a wrong filter next to the field (422) and lists nothing', async () => {
    const page = await admin.get('/admin/audit?from=24.11.2026&to=2026-11-20');
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('Укажите дату в виде ГГГГ-ММ-ДД.');
    expect(page.body).toContain('value="24.11.2026"');
    expect(page.body).not.toContain('<table');
    expect((await admin.get('/admin/audit?from=2026-11-25&to=2026-11-24')).body).toContain('Конец периода раньше его начала.');
  });

  it('is for admins only: a manager gets 403', async () => {
    expect((await manager.get('/admin/audit')).statusCode).toBe(403);
  });

  it('the database refuses to change or remove entries', async () => {
    // Drizzle wraps the database's error ("Failed query: …"); the trigger's message is its cause.
    const refusal = (query: PromiseLike<unknown>) =>
      Promise.resolve(query).then(
        () => 'allowed',
        (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
      );
    const [before] = await t.deps.db.select({ n: count() }).from(auditLog);
    expect(await refusal(t.deps.db.execute(sql`update audit_log set action = 'forged'`))).toBe('audit_log is append-only');
    expect(await refusal(t.deps.db.update(auditLog).set({ ip: null }).where(eq(auditLog.staffId, managerId)))).toBe('audit_log is append-only');
    expect(await refusal(t.deps.db.execute(sql`delete from audit_log`))).toBe('audit_log is append-only');
    expect(await refusal(t.deps.db.delete(auditLog).where(eq(auditLog.action, 'client.viewed')))).toBe('audit_log is append-only');
    expect(await refusal(t.deps.db.execute(sql`truncate audit_log`))).toBe('audit_log is append-only');
    const [after] = await t.deps.db.select({ n: count() }).from(auditLog);
    expect(after).toEqual(before);
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'forged'))).toEqual([]);
  });
});
