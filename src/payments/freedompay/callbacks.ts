import { fromGatewayAmount } from './amount.js';
import { fieldsFromPairs, valueOf, type Fields } from './fields.js';
import type { GatewayEvent } from './events.js';
import { eventFromResult } from './messages.js';
import { hasValidSignature, newSalt, signatureOf } from './signature.js';
import { buildXml, parseXmlFields } from './xml.js';

// Gateway → merchant callbacks (docs/freedompay-protocol.md#callbacks): verify, translate, answer with signed XML.

export type CallbackScript = 'result' | 'check';

export type Verified<T> = ({ valid: true; salt: string } & T) | { valid: false; salt: string | null };

/** The fields of a callback from its pairs in arrival order; a lone `pg_xml` field holds the message as XML. */
function callbackFields(pairs: [string, string][]): Fields | null {
  const fields = fieldsFromPairs(pairs);
  const xml = valueOf(fields, 'pg_xml');
  if (xml === undefined) return fields;
  try {
    return parseXmlFields(xml, 'request');
  } catch {
    return null;
  }
}

function verify(script: CallbackScript, pairs: [string, string][], secret: string): Verified<{ fields: Fields }> {
  const fields = callbackFields(pairs);
  const salt = (fields && valueOf(fields, 'pg_salt')) ?? null;
  if (!fields || !salt || !hasValidSignature(script, fields, secret)) return { valid: false, salt };
  return { valid: true, salt, fields };
}

export function readResultCallback(pairs: [string, string][], secret: string): Verified<{ event: GatewayEvent }> {
  const verified = verify('result', pairs, secret);
  return verified.valid ? { valid: true, salt: verified.salt, event: eventFromResult(verified.fields) } : verified;
}

export interface CheckRequest {
  attemptId: string;
  gatewayPaymentId: string;
  amountKopecks: number | null;
  currency: string | null;
}

export function readCheckCallback(pairs: [string, string][], secret: string): Verified<{ check: CheckRequest }> {
  const verified = verify('check', pairs, secret);
  if (!verified.valid) return verified;
  const { fields } = verified;
  return {
    valid: true,
    salt: verified.salt,
    check: {
      attemptId: valueOf(fields, 'pg_order_id') ?? '',
      gatewayPaymentId: valueOf(fields, 'pg_payment_id') ?? '',
      amountKopecks: fromGatewayAmount(valueOf(fields, 'pg_amount')),
      currency: valueOf(fields, 'pg_currency')?.toUpperCase() ?? null,
    },
  };
}

/**
 * Our signed answer; the request's salt is echoed, which satisfies both readings of the docs
 * (docs/freedompay-protocol.md#signed-answers).
 */
export function callbackAnswer(
  script: CallbackScript,
  status: 'ok' | 'rejected' | 'error',
  description: string,
  salt: string | null,
  secret: string,
): string {
  const fields: Fields = [
    ['pg_status', status],
    ['pg_description', description],
    ['pg_salt', salt ?? newSalt()],
  ];
  return buildXml([...fields, ['pg_sig', signatureOf(script, fields, secret)]]);
}
