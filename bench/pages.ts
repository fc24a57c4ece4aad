import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';
import { freePort, startServer, waitForHttp } from '../tests/helpers/server-process.js';

// npm run bench: the catalog page and a service page against a bare node:http server that returns
// the same bytes, 10 s and 50 connections each, in one run. Target: catalog ≥ 0.25 of bare.
// BENCH_DATABASE_URL runs the app on PostgreSQL instead of the embedded database.

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;

interface Result {
  name: string;
  requests: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string): Promise<Result> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  const bad = result.errors + result.timeouts + result.non2xx;
  return { name, requests: result.requests.average, p99: result.latency.p99, errors: bad };
}

const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-bench-'));
const appPort = await freePort();
const app = await startServer({
  PORT: String(appPort),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  CAPTCHA: 'off',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
const barePort = await freePort();
let bare: ReturnType<typeof spawn> | undefined;
try {
  const base = `http://127.0.0.1:${appPort}`;
  await Promise.race([waitForHttp(`${base}/readyz`, 180_000), app.exited.then(() => Promise.reject(new Error(app.output())))]);
  const catalogBytes = Buffer.from(await (await fetch(`${base}/`)).arrayBuffer());

  bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], {
    env: { ...process.env, PORT: String(barePort) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  bare.stdin!.end(catalogBytes);
  await new Promise<void>((resolve) => bare!.stdout!.once('data', () => resolve()));

  // Warm up both servers (JIT, connection pools) before measuring.
  await autocannon({ url: `${base}/`, connections: 10, duration: 2 });
  await autocannon({ url: `http://127.0.0.1:${barePort}/`, connections: 10, duration: 2 });

  const baseline = await load('bare node:http (same bytes)', `http://127.0.0.1:${barePort}/`);
  const catalog = await load('catalog page  GET /', `${base}/`);
  const service = await load('service page  GET /services/landing-page', `${base}/services/landing-page`);

  const database = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  console.log(`\nuslugi pages, ${DURATION} s × ${CONNECTIONS} connections, ${database}, page ${catalogBytes.length} bytes\n`);
  console.log('page                                        req/s    p99 ms  errors  ratio to bare');
  for (const r of [baseline, catalog, service]) {
    const ratio = (r.requests / baseline.requests).toFixed(2);
    console.log(`${r.name.padEnd(42)} ${r.requests.toFixed(0).padStart(7)} ${String(r.p99).padStart(9)} ${String(r.errors).padStart(7)}  ${ratio}`);
  }
  const ratio = catalog.requests / baseline.requests;
  console.log(`\ncatalog/bare = ${ratio.toFixed(2)} (target ≥ 0.25): ${ratio >= 0.25 ? 'met' : 'NOT met'}`);
  if (catalog.errors + service.errors > 0) process.exitCode = 1;
} finally {
  bare?.kill('SIGTERM');
  app.child.kill('SIGTERM');
  await app.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
