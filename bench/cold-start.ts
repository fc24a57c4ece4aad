import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, repoRoot } from '../tests/helpers/server-process.js';
import { scratchDatabase } from './support.js';

// npm run bench:start [-- --runs 3] (also the last part of `npm run bench`): from spawning the
// process to "Shop is open", and the resident memory a few seconds later with nothing to do, for
// `npm start` (the bundle in dist/, decision 029), `tsx src/server.ts` (how it started before) and
// `node dist/server.js` as production runs it, on PGlite (a new data dir, with the prepared template and
// without it, and an existing one) and on PostgreSQL (a new database, an existing one). Baseline in the same run: a plain Fastify "hello" started with `node -e`.
// BENCH_DATABASE_URL (default: the local PostgreSQL) names the server; scratch databases are made.

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive whole number, got ${args.runs}`);
const IDLE_MS = 3000;

interface Start {
  ms: number;
  rssMiB: number;
}

/** Spawns a process, waits for the line, then for IDLE_MS, reads its RSS and stops it. */
async function timeStart(command: string[], env: Record<string, string>, line: string): Promise<Start> {
  const [sandbox, register, telegram, port] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      FREEDOMPAY_SANDBOX_PORT: String(sandbox),
      ATOL_SANDBOX_PORT: String(register),
      TELEGRAM_SANDBOX_PORT: String(telegram),
      ...env,
    },
  });
  let output = '';
  const ms = await new Promise<number>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(line)) resolve(performance.now() - started);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited ${code} before "${line}":\n${output.slice(-2000)}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMiB: rssKiB / 1024 };
}

interface Variant {
  label: string;
  command: string[];
  env?: Record<string, string>;
  /** Settings for one run: a new data dir or database each time, or the same one. */
  prepare(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const npmStart = [process.execPath, 'scripts/start.mjs'];
// How `npm start` ran before the build (decision 029): TypeScript loaded module by module through tsx.
const tsx = [process.execPath, '--import', 'tsx', 'src/server.ts'];
const dist = [process.execPath, 'dist/server.js'];
// dist/ as production runs it: a gateway on loopback that is never called, no register, and
// NODE_ENV=test so no Telegram sandbox either.
const DIST_ENV = { NODE_ENV: 'test', FREEDOMPAY_MERCHANT_ID: '1', FREEDOMPAY_SECRET_KEY: 'cold-start', FREEDOMPAY_API_URL: 'http://127.0.0.1:9', RECEIPTS: 'off' };
const scratch = () => mkdtempSync(join(tmpdir(), 'uslugi-cold-'));
/** A new data dir each run; `withoutTemplate`: and a new home, whose cache holds no template yet (no `npm install` before). */
const newDataDir = (withoutTemplate = false) => async () => {
  const dirs = withoutTemplate ? [scratch(), scratch()] : [scratch()];
  return {
    env: { DATA_DIR: dirs[0]!, ...(withoutTemplate ? { HOME: dirs[1]! } : {}) },
    cleanup: async () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
};
const existingDataDir = scratch();
const newPostgres = async () => {
  const database = await scratchDatabase();
  return { env: { DATABASE_URL: database.url }, cleanup: database.drop };
};
const existingPostgres = await scratchDatabase();
const same = (env: Record<string, string>) => async () => ({ env, cleanup: async () => {} });

// The build is current (as `npm start` would make it) and the template exists, as after `npm install`.
spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
spawnSync(process.execPath, ['dist/cli/pglite-template.js'], { cwd: repoRoot, stdio: 'inherit' });

const variants: Variant[] = [
  { label: 'npm start, PGlite, new data dir', command: npmStart, prepare: newDataDir() },
  { label: 'npm start, PGlite, new data dir, no template yet', command: npmStart, prepare: newDataDir(true) },
  { label: 'npm start, PGlite, existing data dir', command: npmStart, prepare: same({ DATA_DIR: existingDataDir }) },
  { label: 'npm start, PostgreSQL, new database', command: npmStart, prepare: newPostgres },
  { label: 'npm start, PostgreSQL, existing database', command: npmStart, prepare: same({ DATABASE_URL: existingPostgres.url }) },
  { label: 'before: tsx src/server.ts, PGlite, new data dir', command: tsx, prepare: newDataDir() },
  { label: 'before: tsx src/server.ts, PostgreSQL, existing database', command: tsx, prepare: same({ DATABASE_URL: existingPostgres.url }) },
  { label: 'dist, PGlite, new data dir', command: dist, env: DIST_ENV, prepare: newDataDir() },
  { label: 'dist, PGlite, existing data dir', command: dist, env: DIST_ENV, prepare: same({ DATA_DIR: existingDataDir }) },
  { label: 'dist, PostgreSQL, new database', command: dist, env: DIST_ENV, prepare: newPostgres },
  { label: 'dist, PostgreSQL, existing database', command: dist, env: DIST_ENV, prepare: same({ DATABASE_URL: existingPostgres.url }) },
];
const HELLO = `const app = require('fastify')(); app.get('/', async () => 'hello'); app.listen({ port: +process.env.PORT, host: '127.0.0.1' }).then(() => console.log('listening'));`;
const baselineVariant = { label: 'baseline: Fastify hello (node -e)', command: [process.execPath, '-e', HELLO] };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  // Existing data dir and database: made by one start before the timed ones.
  await timeStart(npmStart, { DATA_DIR: existingDataDir }, 'Shop is open');
  await timeStart(npmStart, { DATABASE_URL: existingPostgres.url }, 'Shop is open');

  console.log(`\ncold start: spawn → "Shop is open", median of ${RUNS}; idle RSS ${IDLE_MS / 1000} s later\n`);
  console.log(`${'variant'.padEnd(52)} ${'ms'.padStart(7)} ${'× hello'.padStart(8)} ${'RSS MiB'.padStart(8)}`);
  // Each run of a variant is paired with a run of the baseline just before it, so the ratio holds
  // while the machine's speed drifts.
  for (const variant of variants) {
    const ratios: number[] = [];
    const times: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const hello = await timeStart(baselineVariant.command, {}, 'listening');
      const { env, cleanup } = await variant.prepare();
      try {
        const result = await timeStart(variant.command, { ...variant.env, ...env }, 'Shop is open');
        times.push(result.ms);
        rss.push(result.rssMiB);
        ratios.push(result.ms / hello.ms);
      } finally {
        await cleanup();
      }
    }
    console.log(`${variant.label.padEnd(52)} ${median(times).toFixed(0).padStart(7)} ${median(ratios).toFixed(1).padStart(8)} ${median(rss).toFixed(0).padStart(8)}`);
  }
  const hellos = [];
  for (let run = 0; run < RUNS; run++) hellos.push(await timeStart(baselineVariant.command, {}, 'listening'));
  console.log(`${baselineVariant.label.padEnd(52)} ${median(hellos.map((h) => h.ms)).toFixed(0).padStart(7)} ${'1.0'.padStart(8)} ${median(hellos.map((h) => h.rssMiB)).toFixed(0).padStart(8)}`);
} finally {
  for (const dir of [existingDataDir]) rmSync(dir, { recursive: true, force: true });
  await existingPostgres.drop();
}
