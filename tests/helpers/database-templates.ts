import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../../src/config.js';
import { createDeps } from '../../src/deps.js';
import { createLogger } from '../../src/log.js';

// vitest globalSetup (docs/decisions/017-test-database-templates.md): a fresh database used to cost
// every test app an initdb (PGlite) or CREATE DATABASE, all migrations, the seeds and pg-boss's schema.
// Here that is done once per run; each test app then starts from a copy (tests/helpers/test-app.ts).

export interface DatabaseTemplates {
  /** A file holding the migrated PGlite data dir as dumped by dumpDataDir(). */
  pgliteDataDir: string;
  /** A migrated database on TEST_DATABASE_URL's server to CREATE DATABASE … TEMPLATE from, if set. */
  postgresTemplate: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

// The integration and e2e projects each run this setup in the same process: build once for both.
const shared = globalThis as { uslugiTemplates?: Promise<DatabaseTemplates>; uslugiTemplateUsers?: number };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.uslugiTemplateUsers = (shared.uslugiTemplateUsers ?? 0) + 1;
  shared.uslugiTemplates ??= buildTemplates();
  project.provide('databaseTemplates', await shared.uslugiTemplates);
  return async () => {
    if (--shared.uslugiTemplateUsers! > 0) return;
    const templates = await shared.uslugiTemplates!;
    shared.uslugiTemplates = undefined;
    rmSync(join(templates.pgliteDataDir, '..'), { recursive: true, force: true });
    if (templates.postgresTemplate) await adminQuery(`drop database if exists ${templates.postgresTemplate} with (force)`);
  };
}

async function buildTemplates(): Promise<DatabaseTemplates> {
  const [pgliteDataDir, postgresTemplate] = await Promise.all([
    buildPgliteTemplate(),
    process.env.TEST_DATABASE_URL ? buildPostgresTemplate() : null,
  ]);
  return { pgliteDataDir, postgresTemplate };
}

/** createDeps does the migrating and seeding exactly as a test app's start would (ROLE=web: no background work). */
async function migrated(databaseUrl: string, use: (deps: Awaited<ReturnType<typeof createDeps>>) => Promise<void> = async () => {}) {
  const config = parseConfig({ NODE_ENV: 'test', ROLE: 'web', APP_SECRET: 'template-secret-that-is-long-enough-for-hmac', LOG_LEVEL: 'silent' });
  const deps = await createDeps(config, {
    log: createLogger('silent', 'json'),
    databaseUrl,
    gateway: { merchantId: '1', secretKey: 'template', apiUrl: 'http://127.0.0.1:9', testingMode: true },
  });
  try {
    await use(deps);
  } finally {
    await deps.close();
  }
}

async function buildPgliteTemplate(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'uslugi-test-template-')), 'pglite-datadir.tar');
  await migrated('memory', async (deps) => {
    if (deps.database.kind !== 'pglite') throw new Error('expected an in-memory PGlite');
    await deps.database.pglite.exec('checkpoint'); // every page on disk: the copies start without recovery
    const dump = await deps.database.pglite.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  });
  return file;
}

async function buildPostgresTemplate(): Promise<string> {
  const name = `uslugi_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  await migrated(url.toString());
  // CREATE DATABASE … TEMPLATE fails while anyone is connected to the template: let no one connect.
  await adminQuery(`alter database ${name} with allow_connections false`);
  return name;
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
