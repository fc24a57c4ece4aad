import type { MoneyEvent } from './money-event.js';

// The register's idempotency key (docs/atol-protocol.md#external-id): one per fiscal document, derived
// from business facts so that a resend after a lost answer carries the same one. Saved before the call.

type EventKind = MoneyEvent['kind'];

/** What the id names: the entity the money event belongs to, and the receipt's purpose. */
const PARTS: Record<EventKind, { entity: string; purpose: string }> = {
  order_paid: { entity: 'order', purpose: 'prepayment' },
  order_completed: { entity: 'order', purpose: 'settlement' },
  invoice_paid: { entity: 'invoice', purpose: 'surcharge' },
  money_returned: { entity: 'refund', purpose: 'return' },
};

/** The register's limit on the id. */
export const MAX_EXTERNAL_ID_LENGTH = 128;
/** Characters an entity id may have: a database uuid, or any plain token (letters, digits, _ and -). */
const ENTITY_ID = /^[A-Za-z0-9_-]+$/;

/**
 * `uslugi:<entity>:<id>:<purpose>:<sequence>`, e.g. `uslugi:order:<order id>:prepayment:1`.
 * entityId is the order's id (order_paid, order_completed), the surcharge invoice's id (invoice_paid)
 * or the refund/cancellation operation's id (money_returned). sequence starts at 1; a document that
 * ended in `fail` is re-issued as a new document with the next one (`…:2`). Only ASCII letters,
 * digits and `_ - :`, at most 128 characters.
 */
export function externalIdFor(eventKind: EventKind, entityId: string, sequence: number): string {
  const parts = PARTS[eventKind];
  if (!parts) throw new RangeError(`externalIdFor: unknown event kind ${String(eventKind)}`);
  if (!ENTITY_ID.test(entityId)) throw new RangeError(`externalIdFor: entity id must be letters, digits, _ or -, got ${JSON.stringify(entityId)}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`externalIdFor: sequence must be a whole number ≥ 1, got ${sequence}`);
  const id = `uslugi:${parts.entity}:${entityId}:${parts.purpose}:${sequence}`;
  if (id.length > MAX_EXTERNAL_ID_LENGTH) throw new RangeError(`externalIdFor: ${id.length} characters, the register allows ${MAX_EXTERNAL_ID_LENGTH}`);
  return id;
}
