import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot, startServer } from '../helpers/server-process.js';
import { backends, createPostgresDatabase, type Backend } from '../helpers/test-app.js';

// `npm run backup` from a shell or cron, with the shop running and stopped, on both databases. On the
// embedded database the running app takes the backup, asked through DATA_DIR/backup.sock.

function runBackupCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts'], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The backup file the command reported, with its header read back. */
function writtenFile(stdout: string): { path: string; kind: string; rows: number } {
  const path = /^Backup written: (.+)$/m.exec(stdout)?.[1];
  expect(path, stdout).toBeDefined();
  const header = JSON.parse(readFileSync(path!, 'utf8').split('\n', 1)[0]!) as { manifest: { totalRows: number }; payload: { kind: string } };
  return { path: path!, kind: header.payload.kind, rows: header.manifest.totalRows };
}

describe.each(backends)('npm run backup on %s', (backend: Backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'uslugi-backup-cli-'));
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup while the shop runs and after it stopped, exit status 0', { timeout: 240_000 }, async () => {
    let env: Record<string, string> = { DATA_DIR: join(dir, 'data'), BACKUP_DIR: join(dir, 'backups') };
    if (backend === 'postgres') {
      const database = await createPostgresDatabase('uslugi_backup_cli');
      drops.push(database.drop);
      env = { ...env, DATABASE_URL: database.url };
    }
    const server = await startServer({ ...env, PORT: String(await freePort()), HOST: '127.0.0.1', CAPTCHA: 'off' });
    try {
      await server.waitFor('Shop is open', 180_000);
      if (backend === 'pglite') expect(statSync(join(dir, 'data/backup.sock')).mode & 0o777).toBe(0o600);

      const running = await runBackupCli(env);
      expect(running.code, running.stderr).toBe(0);
      const taken = writtenFile(running.stdout);
      expect(taken.kind).toBe(backend === 'pglite' ? 'pglite-datadir-tar-gz' : 'pg_dump-custom');
      expect(taken.rows).toBeGreaterThan(0);
      if (backend === 'pglite') {
        expect(running.stderr).toContain(`The app (process ${server.child.pid}) holds the embedded database`);
        await server.waitFor('"msg":"backup written"', 10_000); // the app wrote it, and logged it
      }
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    expect(existsSync(join(dir, 'data/backup.sock'))).toBe(false);

    const stopped = await runBackupCli(env);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).not.toContain('asking it');
    expect(writtenFile(stopped.stdout).rows).toBeGreaterThan(0);
  });
});

describe('npm run backup refuses', () => {
  it('a data directory without a database, with exit status 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'uslugi-backup-cli-empty-'));
    try {
      const refused = await runBackupCli({ DATA_DIR: empty, BACKUP_DIR: join(empty, 'backups') });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`There is no embedded database in ${empty}`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
