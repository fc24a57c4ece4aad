import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Fields } from './fields.js';

/**
 * `pg_sig` (docs/freedompay-protocol.md#signature, #flattening), written again here rather than imported from
 * src/payments: the sandbox must not share code with the client, or a bug in the signature would hide in both.
 *
 * Flattening mirrors the official PHP helper: every field's name becomes
 * parent name + own name + its 1-based position as three digits, nested levels recurse, then the
 * flattened names are sorted bytewise and only the values are joined. That is what makes
 * `pg_param10` sort before `pg_param1` (vector V6) and orders nested receipt items (V3).
 */
function flatten(fields: Fields, parent = ''): [string, string][] {
  const out: [string, string][] = [];
  fields.forEach(([name, value], index) => {
    if (name === 'pg_sig') return;
    const flatName = parent + name + String(index + 1).padStart(3, '0');
    if (typeof value === 'string') out.push([flatName, value]);
    else out.push(...flatten(value, flatName));
  });
  return out;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export interface SignOptions {
  /**
   * Leave out empty values (one of the two readings, docs/freedompay-protocol.md#signature-edge-cases; the
   * default keeps them).
   */
  dropEmpty?: boolean;
}

/** The exact string that is hashed: `script;value1;…;secret`. Exposed for tests and debugging. */
export function signatureString(script: string, fields: Fields, secret: string, options: SignOptions = {}): string {
  let flat = flatten(fields);
  if (options.dropEmpty) flat = flat.filter(([, value]) => value !== '');
  flat.sort((a, b) => byteOrder(a[0], b[0]));
  return [script, ...flat.map(([, value]) => value), secret].join(';');
}

export function sign(script: string, fields: Fields, secret: string, options: SignOptions = {}): string {
  return createHash('md5').update(signatureString(script, fields, secret, options), 'utf8').digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase(), 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks `pg_sig` of a received message. Whether the other side signs empty values is unverified
 * (docs/freedompay-protocol.md#signature-edge-cases), so a signature over the fields with empties passes, and
 * so does one without them.
 */
export function verify(script: string, fields: Fields, secret: string): boolean {
  const given = fields.find(([name]) => name === 'pg_sig')?.[1];
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{32}$/.test(given)) return false;
  return sameHex(given, sign(script, fields, secret)) || sameHex(given, sign(script, fields, secret, { dropEmpty: true }));
}

/** Appends a fresh `pg_salt` (unless one is given) and `pg_sig` to an outgoing message. */
export function signed(script: string, fields: Fields, secret: string, options: { corrupt?: boolean; salt?: string } = {}): Fields {
  const withSalt: Fields = [...fields.filter(([n]) => n !== 'pg_salt' && n !== 'pg_sig'), ['pg_salt', options.salt ?? newSalt()]];
  const sig = sign(script, withSalt, secret);
  // The corruptSignature fault: a well-formed but wrong MD5, so only a real verification catches it.
  return [...withSalt, ['pg_sig', options.corrupt ? corrupted(sig) : sig]];
}

function corrupted(sig: string): string {
  const first = sig[0] === '0' ? '1' : '0';
  return first + sig.slice(1);
}

/** Random digits and Latin letters, new for every message (docs/freedompay-protocol.md#salt). */
export function newSalt(): string {
  return randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
}

/**
 * Script name for a URL: its last path segment, query ignored; empty when the path ends with `/`,
 * as the official helper does (docs/freedompay-protocol.md#script-name).
 */
export function scriptNameOf(url: string): string {
  const path = new URL(url).pathname;
  return path.endsWith('/') ? '' : path.slice(path.lastIndexOf('/') + 1);
}
