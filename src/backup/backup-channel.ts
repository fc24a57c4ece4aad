import { existsSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { BackupRefusedError, type BackupRefusal } from './errors.js';
import type { WrittenBackup } from './format.js';

// `npm run backup` while the app runs on the embedded database (decision 025): PGlite has one
// connection, held by the app, so the command asks the app to take the backup through a unix socket in
// DATA_DIR. The socket is the app's user's alone (mode 0600, inside the data directory), so whoever may
// use it could already read the database files; it takes one word, "backup", and answers one JSON line.

export const backupSocketPath = (dataDir: string) => join(dataDir, 'backup.sock');

export type ChannelAnswer = { ok: true; backup: WrittenBackup } | { ok: false; reason: BackupRefusal | 'failed'; message: string };

/** Serves backup requests for the process that holds the data directory; one backup at a time. */
export async function serveBackupChannel(dataDir: string, takeBackup: () => Promise<WrittenBackup>): Promise<{ close(): Promise<void> }> {
  const path = backupSocketPath(dataDir);
  rmSync(path, { force: true }); // a socket left by a process that died: the data directory lock is ours now
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((socket) => {
    let request = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      request += chunk;
      if (request.length > 64) return void socket.destroy();
      if (!request.includes('\n')) return;
      socket.pause();
      if (request.trim() !== 'backup') return void reply(socket, { ok: false, reason: 'failed', message: `unknown request "${request.trim().slice(0, 20)}"` });
      const turn = queue.then(() => answerFor(takeBackup));
      queue = turn.catch(() => undefined);
      void turn.then((answer) => reply(socket, answer));
    });
  });
  const listening = new Promise<void>((resolve, reject) => server.once('error', reject).once('listening', resolve));
  // Created with no access for group and others: listen() binds synchronously, under this umask only.
  const umask = process.umask(0o177);
  try {
    server.listen(path);
  } finally {
    process.umask(umask);
  }
  await listening;
  return {
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(path, { force: true });
          resolve();
        }),
      ),
  };
}

async function answerFor(takeBackup: () => Promise<WrittenBackup>): Promise<ChannelAnswer> {
  try {
    return { ok: true, backup: await takeBackup() };
  } catch (error) {
    if (error instanceof BackupRefusedError) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

function reply(socket: Socket, answer: ChannelAnswer): void {
  if (!socket.destroyed) socket.end(`${JSON.stringify(answer)}\n`);
}

/** Asks the running app for a backup and waits for it; null when no app answers on the socket. */
export function requestBackupFromApp(dataDir: string): Promise<ChannelAnswer | null> {
  const path = backupSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let text = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write('backup\n');
    });
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (connected ? reject(error) : resolve(null)));
    socket.on('close', () => {
      if (!connected) return;
      try {
        resolve(JSON.parse(text) as ChannelAnswer);
      } catch {
        reject(new Error('The running app closed the backup channel without an answer (did it stop?). Look at its log.'));
      }
    });
  });
}
