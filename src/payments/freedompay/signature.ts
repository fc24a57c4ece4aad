import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Fields } from './fields.js';

// pg_sig (docs/freedompay-protocol.md#signature): md5 of "script;value;value;…;secret", values ordered by their flattened
// names. Flattening mirrors the official PHP helper: name = parent + key + 3-digit position.

function flatten(fields: Fields, parent = ''): [string, string][] {
  const out: [string, string][] = [];
  fields.forEach(([key, value], index) => {
    if (key === 'pg_sig') return;
    const name = `${parent}${key}${String(index + 1).padStart(3, '0')}`;
    if (typeof value === 'string') out.push([name, value]);
    else out.push(...flatten(value, name));
  });
  return out;
}

export function signatureOf(script: string, fields: Fields, secret: string, options: { dropEmpty?: boolean } = {}): string {
  let flat = flatten(fields);
  if (options.dropEmpty) flat = flat.filter(([, value]) => value !== '');
  // Names compared as UTF-8 bytes, each encoded once rather than at every comparison (hot path).
  const keyed = flat.map(([name, value]) => ({ name: Buffer.from(name), value }));
  keyed.sort((a, b) => Buffer.compare(a.name, b.name));
  const text = [script, ...keyed.map(({ value }) => value), secret].join(';');
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * The message as its signature reads it, or null when `pg_sig` matches no reading. Whether the
 * gateway signs empty fields is not documented (docs/freedompay-protocol.md#signature-edge-cases), so two readings are tried: every
 * field, then empty fields left out. Under the second the empty fields are left out of the result
 * too: nothing the signature did not cover reaches the caller. Compared in constant time.
 */
export function signedReading(script: string, fields: Fields, secret: string): Fields | null {
  const received = fields.find(([key]) => key === 'pg_sig')?.[1];
  if (typeof received !== 'string' || !/^[0-9a-f]{32}$/i.test(received)) return null;
  const given = Buffer.from(received.toLowerCase());
  if (timingSafeEqual(given, Buffer.from(signatureOf(script, fields, secret)))) return fields;
  const nonEmpty = withoutEmpty(fields);
  if (nonEmpty === fields) return null; // nothing empty: the second reading is the first one
  return timingSafeEqual(given, Buffer.from(signatureOf(script, fields, secret, { dropEmpty: true }))) ? nonEmpty : null;
}

/** True when `pg_sig` matches under one of the readings of signedReading. */
export function hasValidSignature(script: string, fields: Fields, secret: string): boolean {
  return signedReading(script, fields, secret) !== null;
}

/** The fields without empty values, at every level; the same array when none is empty. */
function withoutEmpty(fields: Fields): Fields {
  let changed = false;
  const kept: Fields = [];
  for (const [key, value] of fields) {
    if (value === '') {
      changed = true;
      continue;
    }
    const inner = typeof value === 'string' ? value : withoutEmpty(value);
    if (inner !== value) changed = true;
    kept.push([key, inner]);
  }
  return changed ? kept : fields;
}

/** Script name for signing: the last path segment of a URL, query ignored (docs/freedompay-protocol.md#script-name). */
export function scriptNameOf(url: string): string {
  const path = new URL(url, 'http://localhost').pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}

export function newSalt(): string {
  return randomBytes(12).toString('hex');
}

/** Adds a fresh salt (unless given) and the signature; never signs or sends empty fields. */
export function signed(script: string, fields: Fields, secret: string, salt = newSalt()): Fields {
  const body: Fields = [...fields.filter(([, value]) => value !== ''), ['pg_salt', salt]];
  return [...body, ['pg_sig', signatureOf(script, body, secret)]];
}
