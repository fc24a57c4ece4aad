import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createDeps } from '../../src/deps.js';
import type { Clock } from '../../src/clock.js';
import type { Deps } from '../../src/app-deps.js';
import { createLogger } from '../../src/log.js';
import { startWorker } from '../../src/worker.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/freedompay/index.js';
import { createAtolSandbox, type AtolSandbox, type AtolSandboxOptions } from '../../sandbox/atol/index.js';
import type { DatabaseTemplates } from './database-templates.js';
import { freePort } from './server-process.js';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (CI sets it). */
export const backends: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  /** The sandbox gateway this app pays through, on its own port. */
  sandbox: Sandbox;
  /** Where the app listens (the sandbox calls it back here). */
  baseUrl: string;
  /** The register sandbox receipts go to, when asked for with `receipts`; otherwise RECEIPTS=off. */
  atol: AtolSandbox | null;
  close(): Promise<void>;
}

export interface TestAppOptions {
  captcha?: boolean;
  clock?: Clock;
  env?: Record<string, string>;
  sandbox?: Partial<SandboxOptions>;
  /** Runs the job handlers too (emails go out by themselves), as `npm start` does. */
  worker?: boolean;
  /**
   * Issue 54-FZ receipts to an ATOL register sandbox on its own port, through the real ATOL settings
   * (`testAtolGroup`); the sandbox's options may be given. Without it, RECEIPTS=off.
   */
  receipts?: boolean | Partial<AtolSandboxOptions>;
}

/** The ATOL group of the register sandbox tests get (the INN is COMPANY_INN's default). */
export const testAtolGroup = { login: 'shop-login', password: 'shop-password', groupCode: 'shop_1', inn: '7700000000' };

export const testMerchant = { id: '545084', secret: 'test-merchant-secret', name: 'ООО «Услуги онлайн»' };

/**
 * Builds the real app on a fresh database of its own (an in-memory PGlite or a new PostgreSQL
 * database, copied from the run's migrated template when there is one), listening on loopback, with
 * the sandbox gateway on another port.
 */
export async function createTestApp(backend: Backend, options: TestAppOptions = {}): Promise<TestApp> {
  const sandbox = createSandbox({ merchants: [testMerchant], ...options.sandbox });
  const sandboxUrl = await sandbox.listen(0, '127.0.0.1');
  const atol = options.receipts ? createAtolSandbox({ groups: [testAtolGroup], ...(options.receipts === true ? {} : options.receipts) }) : null;
  if (atol) await atol.listen(0, '127.0.0.1');
  const receiptsEnv = atol
    ? { ATOL_LOGIN: testAtolGroup.login, ATOL_PASSWORD: testAtolGroup.password, ATOL_GROUP_CODE: testAtolGroup.groupCode, ATOL_API_URL: atol.apiUrl }
    : { RECEIPTS: 'off' };
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = parseConfig({
    NODE_ENV: 'test',
    APP_SECRET: 'test-secret-that-is-long-enough-for-hmac',
    CAPTCHA: options.captcha === false ? 'off' : 'on',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: baseUrl,
    FREEDOMPAY_TIMEOUT_MS: '3000',
    ...receiptsEnv,
    ...options.env,
  });
  const templates = databaseTemplates();
  const database = backend === 'postgres' ? await createPostgresDatabase('uslugi_test', templates?.postgresTemplate ?? undefined) : null;
  const deps = await createDeps(config, {
    log: createLogger('silent', 'json'),
    clock: options.clock,
    databaseUrl: database?.url ?? 'memory',
    pgliteDataDir: backend === 'pglite' && templates ? await pgliteDataDir(templates.pgliteDataDir) : undefined,
    gateway: { merchantId: testMerchant.id, secretKey: testMerchant.secret, apiUrl: sandboxUrl, testingMode: true },
    register: atol ? { apiUrl: atol.apiUrl, login: testAtolGroup.login, password: testAtolGroup.password, groupCode: testAtolGroup.groupCode, timeoutMs: 3000 } : undefined,
  });
  if (options.worker) await startWorker(deps);
  const app = await buildApp(deps);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    deps,
    sandbox,
    baseUrl,
    atol,
    async close() {
      await app.close();
      await deps.close();
      await sandbox.close();
      await atol?.close();
      await database?.drop();
    },
  };
}

/** The migrated templates of this run (tests/helpers/database-templates.ts); none outside vitest (bench). */
function databaseTemplates(): DatabaseTemplates | undefined {
  return process.env.VITEST ? inject('databaseTemplates') : undefined;
}

// Read once per worker; every PGlite loads its own copy from the same bytes.
let pgliteDump: Promise<Blob> | undefined;
function pgliteDataDir(file: string): Promise<Blob> {
  pgliteDump ??= readFile(file).then((bytes) => new Blob([bytes]));
  return pgliteDump;
}

/** A new database on the test PostgreSQL server (empty, or a copy of `template`), and a way to drop it. */
export async function createPostgresDatabase(prefix = 'uslugi_test', template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start: Date): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}
