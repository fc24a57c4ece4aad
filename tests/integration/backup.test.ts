import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/backup/create-backup.js';
import { BackupRefusedError } from '../../src/backup/errors.js';
import type { WrittenBackup } from '../../src/backup/format.js';
import { latestSchemaVersion } from '../../src/backup/inventory.js';
import { restoreBackup, type RestoreTarget } from '../../src/backup/restore-backup.js';
import { differences } from '../../src/domain/backups/backup-compare.js';
import { paidOrder } from '../helpers/accounts.js';
import { staffMember } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { editHeader, emptyTarget, everyRow, openTarget, scratchDir } from './backup-support.js';

const PASSPHRASE = 'корректная лошадь батарейка скрепка';

describe.each(backends)('backups on %s: backup → new empty database → restore → identical data', (backend) => {
  let t: TestApp;
  const dir = scratchDir();
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  const drops: (() => Promise<void>)[] = [];
  let plain: WrittenBackup;
  let encrypted: WrittenBackup;

  /** The running database's rows, read on one connection (begin … rollback). */
  const source = async () => {
    const { database } = t.deps;
    if (database.kind === 'pglite') return everyRow(async (sql) => (await database.pglite.query<Record<string, unknown>>(sql)).rows);
    const client = await database.pool.connect();
    try {
      return await everyRow(async (sql) => (await client.query(sql)).rows);
    } finally {
      client.release();
    }
  };
  const target = async () => {
    const empty = await emptyTarget(backend, dir);
    drops.push(empty.drop);
    return empty.target;
  };
  const restoredRows = async (where: RestoreTarget) => {
    const opened = await openTarget(where);
    try {
      return await everyRow(opened.run);
    } finally {
      await opened.close();
    }
  };
  const refusal = (promise: Promise<unknown>) => promise.then(
    () => null,
    (error: unknown) => (error instanceof BackupRefusedError ? error.reason : error),
  );

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    await paidOrder(t, { name: 'Анна Смирнова', email: 'anna@example.ru' });
    await staffMember(t, 'admin', { name: 'Ольга Админова' });
    // A client buys while the backup is taken: the manifest and the payload still describe one moment.
    [plain] = await Promise.all([createBackup(t.deps.database, { dir, now: clock.now() }), paidOrder(t, { name: 'Борис Покупатель', email: 'boris@example.ru' })]);
    clock.advance(60_000);
    encrypted = await createBackup(t.deps.database, { dir, now: clock.now(), passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await t?.close();
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one file with a manifest: app and schema version, time, row counts and checksums per table, SHA-256', () => {
    const { manifest, payload } = plain.header;
    expect(plain.name).toBe('uslugi-20261124T082000.000Z.backup');
    expect(manifest).toMatchObject({ app: 'uslugi', appVersion: '0.1.0', schemaVersion: latestSchemaVersion, backend, takenAt: '2026-11-24T08:20:00.000Z' });
    const tables = manifest.tables.map((table) => table.table);
    expect(tables).toEqual(expect.arrayContaining(['public.orders', 'public.clients', 'public.audit_log', 'drizzle.__drizzle_migrations', 'pgboss.job']));
    expect(manifest.tables.find((table) => table.table === 'public.staff')?.rows).toBe(1);
    expect(manifest.totalRows).toBe(manifest.tables.reduce((sum, table) => sum + table.rows, 0));
    expect(payload).toMatchObject({ kind: backend === 'postgres' ? 'pg_dump-custom' : 'pglite-datadir-tar-gz', encryption: null });
    expect(payload.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(encrypted.header.payload.encryption).toMatchObject({ cipher: 'aes-256-gcm', kdf: 'scrypt' });
  });

  it('restores into a new empty database: every table matches the manifest, and every row matches the running database', async () => {
    const where = await target();
    const result = await restoreBackup(encrypted.path, where, { passphrase: PASSPHRASE, now: clock.now() });
    expect(differences(result.comparison)).toEqual([]);
    expect(result.comparison.length).toBe(encrypted.header.manifest.tables.length);
    const restored = await restoredRows(where);
    expect(restored['public.orders']).toHaveLength(2);
    expect(restored).toEqual(await source());
  });

  it('a backup taken while a client was paying restores to exactly what its manifest says', async () => {
    const where = await target();
    const result = await restoreBackup(plain.path, where, { now: clock.now() });
    expect(differences(result.comparison)).toEqual([]);
    const orders = (await restoredRows(where))['public.orders']!;
    expect(orders.length).toBe(plain.header.manifest.tables.find((table) => table.table === 'public.orders')!.rows);
  });

  it('refuses a tampered file, a wrong or missing passphrase and an edited manifest before touching the database', async () => {
    const where = await target();
    const tampered = join(dir, 'tampered.backup');
    copyFileSync(plain.path, tampered);
    const bytes = readFileSync(tampered);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(tampered, bytes);
    expect(await refusal(restoreBackup(tampered, where, { now: clock.now() }))).toBe('tampered');

    expect(await refusal(restoreBackup(encrypted.path, where, { passphrase: 'не та фраза, совсем не та', now: clock.now() }))).toBe('wrong_passphrase');
    expect(await refusal(restoreBackup(encrypted.path, where, { now: clock.now() }))).toBe('passphrase_missing');

    // The manifest is the cipher's associated data: a count edited in the header is caught.
    const edited = join(dir, 'edited.backup');
    copyFileSync(encrypted.path, edited);
    await editHeader(edited, (header) => void (header.manifest.tables[0].rows += 1));
    expect(await refusal(restoreBackup(edited, where, { passphrase: PASSPHRASE, now: clock.now() }))).toBe('wrong_passphrase');

    writeFileSync(join(dir, 'not-a-backup.backup'), 'hello\nworld');
    expect(await refusal(restoreBackup(join(dir, 'not-a-backup.backup'), where, { now: clock.now() }))).toBe('not_a_backup');

    // Nothing was created.
    if ('pgliteDir' in where) expect(existsSync(where.pgliteDir)).toBe(false);
    else expect((await restoredRows(where))['public.orders']).toBeUndefined();
  });

  it('refuses a database that is not empty unless forced', async () => {
    const where = await target();
    await restoreBackup(plain.path, where, { now: clock.now() });
    expect(await refusal(restoreBackup(encrypted.path, where, { passphrase: PASSPHRASE, now: clock.now() }))).toBe('not_empty');
    expect((await restoredRows(where))['public.orders']).toHaveLength(plain.header.manifest.tables.find((x) => x.table === 'public.orders')!.rows);

    const forced = await restoreBackup(encrypted.path, where, { passphrase: PASSPHRASE, force: true, now: clock.now() });
    expect(differences(forced.comparison)).toEqual([]);
    expect((await restoredRows(where))['public.orders']).toHaveLength(2);
    // The embedded database is moved aside, not deleted.
    if ('pgliteDir' in where) expect(existsSync(forced.movedAside!)).toBe(true);
  });
});
