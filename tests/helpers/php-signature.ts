import { createHash } from 'node:crypto';

// A signer written apart from src/ and sandbox/, the way the gateway's PHP helper (PG_Signature)
// works: every field except pg_sig, nested ones flattened to "parent + tag + 3-digit position",
// ksort by those names, then md5("script;value;…;secret"). Tests sign the values PHP would read, so
// a reader that decodes or trims differently from PHP fails to verify.

export type PhpValue = string | PhpFields;
export type PhpFields = (readonly [string, PhpValue])[];

function flatParams(fields: PhpFields, parent: string, into: Map<string, string>): void {
  let position = 0;
  for (const [tag, value] of fields) {
    position++;
    if (tag === 'pg_sig') continue;
    const name = parent + tag + String(position).padStart(3, '0');
    if (typeof value === 'string') into.set(name, value);
    else flatParams(value, name, into);
  }
}

export function phpSignature(script: string, fields: PhpFields, secret: string): string {
  const flat = new Map<string, string>();
  flatParams(fields, '', flat);
  // PHP's ksort compares these non-numeric keys as byte strings.
  const names = [...flat.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const text = [script, ...names.map((name) => flat.get(name)!), secret].join(';');
  return createHash('md5').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** The fields with their pg_sig appended. */
export function phpSigned(script: string, fields: PhpFields, secret: string): PhpFields {
  return [...fields, ['pg_sig', phpSignature(script, fields, secret)]];
}
