import type { Fields } from './fields.js';
import { signedReading } from './signature.js';

// A signed message means exactly what was signed. Names must not repeat (a reader taking the first
// copy and a signature covering both would disagree), the fields a decision reads must not be empty
// (an empty one verifies under the "empty fields left out" reading while meaning something else),
// and what the caller acts on is the reading that verified.

export interface MessageRule {
  /** Without these nothing can be decided: the message is refused when one is missing. */
  required: readonly string[];
  /** Read by a decision: refused when sent empty or as a nested field, at any level. */
  decisive: readonly string[];
}

export type SignedMessage = { ok: true; fields: Fields } | { ok: false; reason: 'repeated field' | 'empty field' | 'bad signature' | 'missing field' };

export function readSignedMessage(script: string, fields: Fields, secret: string, rule: MessageRule): SignedMessage {
  if (hasRepeatedNames(fields, false)) return { ok: false, reason: 'repeated field' };
  if (hasUnusableDecisiveField(fields, rule.decisive)) return { ok: false, reason: 'empty field' };
  const reading = signedReading(script, fields, secret);
  if (!reading) return { ok: false, reason: 'bad signature' };
  const present = new Set(reading.map(([name]) => name));
  if (rule.required.some((name) => !present.has(name))) return { ok: false, reason: 'missing field' };
  return { ok: true, fields: reading };
}

/**
 * Names repeat at the top level, or a plain value's name repeats inside a nested field. Nested
 * fields themselves may repeat inside a nested field: that is how the documented lists are sent
 * (`<pg_refund_payments><pg_refund_payment>…</pg_refund_payment><pg_refund_payment>…`).
 */
export function hasRepeatedNames(fields: Fields, nested: boolean): boolean {
  const seen = new Set<string>();
  for (const [name, value] of fields) {
    if (typeof value !== 'string') {
      if (hasRepeatedNames(value, true)) return true;
      if (nested) continue;
    }
    if (seen.has(name)) return true;
    seen.add(name);
  }
  return false;
}

function hasUnusableDecisiveField(fields: Fields, decisive: readonly string[]): boolean {
  return fields.some(([name, value]) =>
    typeof value === 'string'
      ? value === '' && decisive.includes(name)
      : decisive.includes(name) || hasUnusableDecisiveField(value, decisive),
  );
}
