import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { BackupRefusedError } from './errors.js';

// pg_dump and pg_restore from Debian's postgresql-client of the server's major version
// (`apt-get install postgresql-client-15`): pg_dump refuses a server newer than itself.

/** The connection URL without its password (which goes in PGPASSWORD, out of the process list). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

interface Tool {
  stdin: Writable;
  stdout: Readable;
  /** Resolves when the tool exits 0; rejects with its last lines of stderr otherwise. */
  done: Promise<void>;
}

function run(tool: 'pg_dump' | 'pg_restore', args: string[], url: string): Tool {
  const { dbname, env } = connection(url);
  const child = spawn(tool, [...args, `--dbname=${dbname}`], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr = (stderr + chunk).slice(-4000)));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupRefusedError('tool_missing', `${tool} is not installed: install Debian's postgresql-client of the server's major version (e.g. apt-get install postgresql-client-15).`)
          : error,
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
  // A failed tool closes its pipes early; the error is reported through `done`.
  child.stdin.on('error', () => {});
  return { stdin: child.stdin, stdout: child.stdout, done };
}

/** `pg_dump --format=custom` of the whole database as seen by an exported snapshot. */
export function pgDump(url: string, snapshot: string): Tool {
  return run('pg_dump', ['--format=custom', '--compress=6', `--snapshot=${snapshot}`, '--no-owner', '--no-privileges'], url);
}

/** `pg_restore` from stdin, all or nothing. */
export function pgRestore(url: string): Tool {
  return run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'], url);
}
