import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBackup } from '../../src/actions/backups/make-backup.js';
import { runRestoreDrill } from '../../src/actions/backups/run-restore-drill.js';
import { auditLog, backupRuns, emails, restoreDrills, staff } from '../../src/db/schema/index.js';
import { paidOrder } from '../helpers/accounts.js';
import { staffBrowser, staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import type { Visitor } from '../helpers/visitor.js';
import { editHeader, scratchDir } from './backup-support.js';

describe.each(backends)('backups in the back office and the restore drill on %s', (backend) => {
  let t: TestApp;
  let admin: Visitor;
  let adminId: string;
  let adminEmail: string;
  let manager: Visitor;
  const dir = scratchDir();
  const clock = manualClock(new Date('2026-11-29T04:30:00+03:00'));
  const ADMIN_IP = '203.0.113.61';

  const drillEmails = () => t.deps.db.select({ to: emails.to, subject: emails.subject, text: emails.text }).from(emails).where(eq(emails.kind, 'backup_drill_failed'));
  const lastDrill = async () => (await t.deps.db.select().from(restoreDrills).orderBy(desc(restoreDrills.startedAt), desc(restoreDrills.finishedAt)).limit(1))[0]!;
  const clearDrillEmails = () => t.deps.db.delete(emails).where(eq(emails.kind, 'backup_drill_failed'));

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock, env: { BACKUP_DIR: dir } });
    await paidOrder(t, { name: 'Анна Смирнова', email: 'anna@example.ru' });
    ({ browser: admin, member: { id: adminId, email: adminEmail } } = await staffBrowser(t, 'admin', ADMIN_IP));
    await staffMember(t, 'admin', { name: 'Второй Админ', email: 'second.admin@staff.example.ru' });
    const { member: gone } = await staffMember(t, 'admin', { email: 'gone.admin@staff.example.ru' });
    await t.deps.db.update(staff).set({ state: 'disabled' }).where(eq(staff.id, gone.id));
    ({ browser: manager } = await staffBrowser(t, 'manager'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a drill with no backup at all fails and emails every active admin (not managers, not disabled admins)', async () => {
    expect(await runRestoreDrill(t.deps)).toBe('failed');
    expect(await lastDrill()).toMatchObject({ outcome: 'failed', backupFile: null, error: expect.stringContaining('нет ни одной резервной копии') });
    const sent = await drillEmails();
    expect(sent.map((e) => e.to).sort()).toEqual([adminEmail, 'second.admin@staff.example.ru'].sort());
    expect(sent[0]!.text).toContain('Проверить было нечего: копий нет.');
    await clearDrillEmails();
  });

  it('only admins open the page; «Сделать копию сейчас» needs the CSRF token, is audited and queues a backup job', async () => {
    expect((await manager.get('/admin/backups')).statusCode).toBe(403);
    expect((await manager.post('/admin/backups/run', {}, '/admin')).statusCode).toBe(403);
    expect((await admin.post('/admin/backups/run', { _csrf: 'forged' })).statusCode).toBe(403);

    const clicked = await admin.post('/admin/backups/run', {}, '/admin/backups');
    expect(clicked.statusCode).toBe(303);
    expect(clicked.headers.location).toBe('/admin/backups?requested=1');
    expect((await admin.get('/admin/backups?requested=1')).body).toContain('Копия поставлена в очередь');
    const jobs = (await t.deps.db.execute(sql`select data from pgboss.job where name = 'backups.create'`)) as unknown as { rows: { data: { trigger: string; staffId: string } }[] };
    expect(jobs.rows.map((row) => row.data)).toEqual([{ trigger: 'manual', staffId: adminId }]);
    const [entry] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'backups.requested'), eq(auditLog.staffId, adminId)));
    expect(entry).toMatchObject({ ip: ADMIN_IP });

    // What the worker does with that job.
    const written = await makeBackup(t.deps, { ...jobs.rows[0]!.data, trigger: 'manual', prune: false });
    const [run] = await t.deps.db.select().from(backupRuns);
    expect(run).toMatchObject({ trigger: 'manual', requestedBy: adminId, status: 'ok', fileName: written.name, encrypted: false, totalRows: written.header.manifest.totalRows });

    const page = (await admin.get('/admin/backups')).body;
    expect(page).toContain(written.name);
    expect(page).toContain('29.11.2026 04:30');
    expect(page).toContain('без шифрования');
    expect(page).toContain('выключено — задайте BACKUP_PASSPHRASE');
    expect(page).toContain(new Intl.NumberFormat('ru-RU').format(written.header.manifest.totalRows));
    expect(page).toContain('Вручную');
    expect(page).toContain('href="/admin/backups"');
  });

  it('the drill restores the latest backup into a scratch database, finds it identical and emails nobody', async () => {
    clock.advance(60_000); // a minute: the admin's session stays fresh
    expect(await runRestoreDrill(t.deps)).toBe('passed');
    const drill = await lastDrill();
    expect(drill).toMatchObject({ outcome: 'passed', error: null, differences: [] });
    expect(drill.tablesChecked).toBeGreaterThan(20);
    expect(await drillEmails()).toEqual([]);
    if (backend === 'postgres') {
      const scratch = (await t.deps.db.execute(sql`select count(*)::int as n from pg_database where datname like 'uslugi_drill_%'`)) as unknown as { rows: { n: number }[] };
      expect(scratch.rows[0]!.n).toBe(0); // dropped again
    }
  });

  it('a manifest that does not match the restored data is a failed drill: recorded, shown, and every active admin is emailed', async () => {
    const [newest] = readdirSync(dir).filter((name) => name.endsWith('.backup')).sort().reverse();
    let promised = 0;
    await editHeader(join(dir, newest!), (header) => {
      const orders = header.manifest.tables.find((table: { table: string }) => table.table === 'public.orders');
      orders.rows += 1;
      promised = orders.rows;
    });
    clock.advance(60_000); // a minute: the admin's session stays fresh
    expect(await runRestoreDrill(t.deps)).toBe('differences');
    expect(await lastDrill()).toMatchObject({
      outcome: 'differences',
      backupFile: newest,
      differences: [{ table: 'public.orders', expectedRows: promised, actualRows: promised - 1, checksumDiffers: false, same: false }],
    });
    const sent = await drillEmails();
    expect(sent).toHaveLength(2);
    for (const email of sent) {
      expect(email.subject).toBe('Проверка восстановления из резервной копии не прошла');
      expect(email.text).toContain(`public.orders: ожидалось строк ${promised}, восстановлено ${promised - 1}.`);
    }
    const page = (await admin.get('/admin/backups')).body;
    expect(page).toContain('Есть расхождения');
    expect(page).toContain(`public.orders: в описи ${promised}, восстановлено ${promised - 1}`);
    await clearDrillEmails();
  });

  it('a newest backup older than two days fails the drill: the daily backups stopped', async () => {
    await clearDrillEmails();
    await makeBackup(t.deps, { trigger: 'scheduled', prune: true });
    clock.advance(3 * 24 * 60 * 60_000);
    expect(await runRestoreDrill(t.deps)).toBe('failed');
    expect((await lastDrill()).error).toContain('старше двух суток');
    expect(await drillEmails()).toHaveLength(2);
  });
});
