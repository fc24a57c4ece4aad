import { fromGatewayAmount } from './amount.js';
import { fieldsFromPairs, valueOf, type Fields } from './fields.js';
import type { GatewayEvent } from './events.js';
import { eventFromResult } from './messages.js';
import { newSalt, signatureOf } from './signature.js';
import { readSignedMessage, type MessageRule } from './signed-message.js';
import { buildXml, parseXmlFields } from './xml.js';

// Gateway → merchant callbacks (docs/freedompay-protocol.md#callbacks): verify, translate, answer with signed XML.

export type CallbackScript = 'result' | 'check';

/** Why a callback was refused: unreadable, or not a message the gateway signed as it stands. */
export type RefusalReason = 'unreadable' | 'repeated field' | 'empty field' | 'bad signature' | 'missing field';

export type Verified<T> = ({ valid: true; salt: string } & T) | { valid: false; salt: string | null; reason: RefusalReason };

/** More fields than any callback has (about 30): refused before any work grows with the count. */
const MAX_FIELDS = 200;

// The fields each decision reads (src/domain/payment-decision.ts): they must be there, and not empty.
const RESULT_RULE: MessageRule = {
  required: ['pg_order_id', 'pg_payment_id', 'pg_result', 'pg_amount', 'pg_salt'],
  decisive: ['pg_order_id', 'pg_payment_id', 'pg_result', 'pg_amount', 'pg_currency', 'pg_can_reject', 'pg_captured', 'pg_salt'],
};
const CHECK_RULE: MessageRule = {
  required: ['pg_order_id', 'pg_payment_id', 'pg_amount', 'pg_salt'],
  decisive: ['pg_order_id', 'pg_payment_id', 'pg_amount', 'pg_currency', 'pg_salt'],
};

/**
 * The fields of a callback from its pairs in arrival order; a `pg_xml` field, alone, holds the
 * message as XML. Null when unreadable.
 */
function callbackFields(pairs: [string, string][]): Fields | null {
  if (pairs.length > MAX_FIELDS || pairs.some(([name]) => name === '')) return null;
  const xml = pairs.find(([name]) => name === 'pg_xml');
  if (!xml) return fieldsFromPairs(pairs);
  if (pairs.length !== 1) return null; // fields beside the XML would not be covered by its signature
  try {
    return parseXmlFields(xml[1], 'request');
  } catch {
    return null;
  }
}

function verify(script: CallbackScript, pairs: [string, string][], secret: string, rule: MessageRule): Verified<{ fields: Fields }> {
  const fields = callbackFields(pairs);
  if (!fields) return { valid: false, salt: null, reason: 'unreadable' };
  const message = readSignedMessage(script, fields, secret, rule);
  if (!message.ok) return { valid: false, salt: saltToEcho(fields), reason: message.reason };
  return { valid: true, salt: valueOf(message.fields, 'pg_salt')!, fields: message.fields };
}

/** The request's salt for our error answer, when it is a plain one (never echo what looks like anything else). */
function saltToEcho(fields: Fields): string | null {
  const salt = valueOf(fields, 'pg_salt');
  return salt && /^[0-9A-Za-z]{1,64}$/.test(salt) ? salt : null;
}

export function readResultCallback(pairs: [string, string][], secret: string): Verified<{ event: GatewayEvent }> {
  const verified = verify('result', pairs, secret, RESULT_RULE);
  return verified.valid ? { valid: true, salt: verified.salt, event: eventFromResult(verified.fields) } : verified;
}

export interface CheckRequest {
  attemptId: string;
  gatewayPaymentId: string;
  amountKopecks: number | null;
  currency: string | null;
}

export function readCheckCallback(pairs: [string, string][], secret: string): Verified<{ check: CheckRequest }> {
  const verified = verify('check', pairs, secret, CHECK_RULE);
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
