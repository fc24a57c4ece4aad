import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, type CipherGCM, type DecipherGCM } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { BackupRefusedError } from './errors.js';

// One backup is one file, `uslugi-<UTC time>.backup`:
//   line 1   a JSON header: the manifest (what is inside) and how the payload is stored
//   the rest the payload: pg_dump's custom format (PostgreSQL) or PGlite's gzipped data-dir tar,
//            as is, or encrypted with AES-256-GCM under a key derived from BACKUP_PASSPHRASE by scrypt.
// When encrypted, the manifest is the cipher's associated data: editing it breaks the tag too.

export const BACKUP_FORMAT = 'uslugi-backup/1';
const HEADER_LIMIT = 1 << 20;
/** scrypt cost: 64 MiB and ~0.2 s per derivation — slow for a guesser, nothing for a nightly job. */
const SCRYPT = { N: 1 << 16, r: 8, p: 1 } as const;

const tableFigures = z.object({ table: z.string(), rows: z.number().int().min(0), checksum: z.string().nullable() });
const manifestSchema = z.object({
  app: z.literal('uslugi'),
  appVersion: z.string(),
  /** The last applied drizzle migration, e.g. "0008_backups". */
  schemaVersion: z.string(),
  backend: z.enum(['postgres', 'pglite']),
  takenAt: z.iso.datetime(),
  totalRows: z.number().int().min(0),
  tables: z.array(tableFigures),
});
const encryptionSchema = z.object({
  cipher: z.literal('aes-256-gcm'),
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.base64(),
  iv: z.base64(),
  tag: z.base64(),
});
const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  manifest: manifestSchema,
  payload: z.object({
    kind: z.enum(['pg_dump-custom', 'pglite-datadir-tar-gz']),
    bytes: z.number().int().min(0),
    /** SHA-256 of the payload bytes as stored (after encryption). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    encryption: encryptionSchema.nullable(),
  }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupHeader = z.infer<typeof headerSchema>;
export type PayloadKind = BackupHeader['payload']['kind'];

/** `uslugi-20261125T003000.000Z.backup`: sorts by time, no colons (scp and Windows read those otherwise). */
export function backupFileName(takenAt: Date, suffix = ''): string {
  return `uslugi-${takenAt.toISOString().replace(/[-:]/g, '')}${suffix}.backup`;
}
export const isBackupFileName = (name: string) => /^uslugi-[0-9TZ.]+(-\d+)?\.backup$/.test(name);

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Counts and hashes the bytes flowing through. */
function meter() {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ bytes, sha256: hash.digest('hex') }) };
}

export interface WrittenBackup {
  name: string;
  path: string;
  header: BackupHeader;
  /** The file's size with its header. */
  fileBytes: number;
}

/**
 * Writes a backup file: the payload goes to a private temporary file first (its hash and the cipher's
 * tag are known only at the end), then header + payload to `<name>.partial`, renamed into place, so a
 * crash never leaves a file that looks complete.
 */
export async function writeBackupFile(options: {
  dir: string;
  manifest: BackupManifest;
  kind: PayloadKind;
  /**
   * Opened only once everything else is ready: a child process's output that nobody reads when it
   * exits is thrown away by Node. `done` rejects if the producer failed (the file is then not kept).
   */
  source: () => { stream: Readable; done?: Promise<void> };
  passphrase?: string;
}): Promise<WrittenBackup> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const name = await freeName(options.dir, new Date(options.manifest.takenAt));
  const payloadPath = join(options.dir, `.${name}.payload`);
  const partialPath = join(options.dir, `.${name}.partial`);
  try {
    let cipher: CipherGCM | null = null;
    let encryption: Omit<z.infer<typeof encryptionSchema>, 'tag'> | null = null;
    if (options.passphrase) {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      cipher = createCipheriv('aes-256-gcm', await deriveKey(options.passphrase, salt, SCRYPT), iv);
      cipher.setAAD(Buffer.from(JSON.stringify(options.manifest)));
      encryption = { cipher: 'aes-256-gcm', kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), iv: iv.toString('base64') };
    }
    const measured = meter();
    const source = options.source();
    await Promise.all([pipeline(source.stream, cipher ?? new PassThrough(), measured.stream, createWriteStream(payloadPath, { mode: 0o600 })), source.done]);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      manifest: options.manifest,
      payload: {
        kind: options.kind,
        ...measured.result(),
        encryption: encryption && cipher ? { ...encryption, tag: cipher.getAuthTag().toString('base64') } : null,
      },
    };
    const out = createWriteStream(partialPath, { mode: 0o600 });
    out.write(`${JSON.stringify(header)}\n`);
    await pipeline(createReadStream(payloadPath), out);
    const path = join(options.dir, name);
    await rename(partialPath, path);
    return { name, path, header, fileBytes: (await stat(path)).size };
  } finally {
    await rm(payloadPath, { force: true });
    await rm(partialPath, { force: true });
  }
}

async function freeName(dir: string, takenAt: Date): Promise<string> {
  for (let n = 1; ; n++) {
    const name = backupFileName(takenAt, n === 1 ? '' : `-${n}`);
    const taken = await stat(join(dir, name)).then(
      () => true,
      () => false,
    );
    if (!taken) return name;
  }
}

/** Reads and checks the header line; refuses anything that is not one of our backups. */
export async function readBackupHeader(path: string): Promise<{ header: BackupHeader; payloadStart: number }> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupRefusedError('not_a_backup', `Cannot open ${path}: ${error.code ?? error.message}`);
  });
  try {
    const buffer = Buffer.alloc(HEADER_LIMIT);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_LIMIT, 0);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (end < 0) throw new BackupRefusedError('not_a_backup', `${path} is not an uslugi backup (no header line).`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(buffer.subarray(0, end).toString('utf8'));
    } catch {
      throw new BackupRefusedError('not_a_backup', `${path} is not an uslugi backup (the header is not JSON).`);
    }
    const header = headerSchema.safeParse(parsed);
    if (!header.success) throw new BackupRefusedError('not_a_backup', `${path} is not an uslugi backup of a known format (${BACKUP_FORMAT}).`);
    return { header: header.data, payloadStart: end + 1 };
  } finally {
    await handle.close();
  }
}

/** The payload, checked and in plain form, in a file only we can read; `cleanup()` removes any copy. */
export interface VerifiedPayload {
  header: BackupHeader;
  path: string;
  start: number;
  read(): Readable;
  cleanup(): Promise<void>;
}

/**
 * Checks a backup before anything is restored from it: the payload's size and SHA-256 against the
 * header, then (encrypted) decrypts it to a private temporary file and checks the GCM tag, which also
 * covers the manifest. A tampered file or a wrong passphrase is refused here.
 */
export async function verifyBackup(path: string, passphrase: string | undefined): Promise<VerifiedPayload> {
  const { header, payloadStart } = await readBackupHeader(path);
  const measured = meter();
  await pipeline(createReadStream(path, { start: payloadStart }), measured.stream, new PassThrough().resume());
  const { bytes, sha256 } = measured.result();
  if (bytes !== header.payload.bytes || sha256 !== header.payload.sha256) {
    throw new BackupRefusedError('tampered', `${path} is damaged or was altered: its contents do not match the SHA-256 in its header. Nothing was restored.`);
  }
  const encryption = header.payload.encryption;
  if (!encryption) {
    return { header, path, start: payloadStart, read: () => createReadStream(path, { start: payloadStart }), cleanup: async () => {} };
  }
  if (!passphrase) {
    throw new BackupRefusedError('passphrase_missing', `${path} is encrypted: set BACKUP_PASSPHRASE to the passphrase it was made with. Nothing was restored.`);
  }
  const key = await deriveKey(passphrase, Buffer.from(encryption.salt, 'base64'), encryption);
  const decipher: DecipherGCM = createDecipheriv('aes-256-gcm', key, Buffer.from(encryption.iv, 'base64'));
  decipher.setAAD(Buffer.from(JSON.stringify(header.manifest)));
  decipher.setAuthTag(Buffer.from(encryption.tag, 'base64'));
  const plainPath = join(tmpdir(), `uslugi-restore-${randomBytes(8).toString('hex')}`);
  const cleanup = () => rm(plainPath, { force: true });
  try {
    await pipeline(createReadStream(path, { start: payloadStart }), decipher, createWriteStream(plainPath, { mode: 0o600 }));
  } catch {
    await cleanup();
    throw new BackupRefusedError(
      'wrong_passphrase',
      `${path} cannot be decrypted: BACKUP_PASSPHRASE is not the one it was made with, or its header was altered. Nothing was restored.`,
    );
  }
  return { header, path: plainPath, start: 0, read: () => createReadStream(plainPath), cleanup };
}
