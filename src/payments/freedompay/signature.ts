import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Fields } from './fields.js';

// pg_sig (docs/freedompay-protocol.md#signature): md5 of "script;value;value;…;secret", values ordered by their
// flattened names. Flattening mirrors the official PHP helper: name = parent + key + 3-digit position.

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

const byBytes = (a: [string, string], b: [string, string]) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0]));

export function signatureOf(script: string, fields: Fields, secret: string, options: { dropEmpty?: boolean } = {}): string {
  let flat = flatten(fields);
  if (options.dropEmpty) flat = flat.filter(([, value]) => value !== '');
  flat.sort(byBytes);
  const text = [script, ...flat.map(([, value]) => value), secret].join(';');
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * True when `pg_sig` matches, computed with empty fields included or dropped
 * (docs/freedompay-protocol.md#signature-edge-cases: the gateway's habit is not documented). Compared in
 * constant time.
 */
export function hasValidSignature(script: string, fields: Fields, secret: string): boolean {
  const received = fields.find(([key]) => key === 'pg_sig')?.[1];
  if (typeof received !== 'string' || !/^[0-9a-f]{32}$/i.test(received)) return false;
  const given = Buffer.from(received.toLowerCase());
  return [false, true].some((dropEmpty) =>
    timingSafeEqual(given, Buffer.from(signatureOf(script, fields, secret, { dropEmpty }))),
  );
}

/**
 * Script name for signing: the last path segment of a URL, query ignored
 * (docs/freedompay-protocol.md#script-name).
 */
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
