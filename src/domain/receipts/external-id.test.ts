import { describe, expect, it } from 'vitest';
import { externalIdFor, MAX_EXTERNAL_ID_LENGTH } from './external-id.js';

const ORDER = '0f8e2a4c-5b1d-4c7e-9a3f-2d6b8e1c4a70';

describe('externalIdFor', () => {
  it.each([
    ['order_paid', ORDER, 1, `uslugi:order:${ORDER}:prepayment:1`],
    ['order_completed', ORDER, 1, `uslugi:order:${ORDER}:settlement:1`],
    ['invoice_paid', 'inv-771', 1, 'uslugi:invoice:inv-771:surcharge:1'],
    ['money_returned', 'rf_311', 1, 'uslugi:refund:rf_311:return:1'],
    // Re-issued after a terminal fail: a new document, the next sequence.
    ['order_paid', ORDER, 2, `uslugi:order:${ORDER}:prepayment:2`],
  ] as const)('%s of %s, #%i → %s', (kind, id, sequence, expected) => {
    expect(externalIdFor(kind, id, sequence)).toBe(expected);
  });

  it('is deterministic and distinct per event, entity and sequence', () => {
    const ids = new Set<string>();
    for (const kind of ['order_paid', 'order_completed', 'invoice_paid', 'money_returned'] as const) {
      for (const sequence of [1, 2, 3]) {
        expect(externalIdFor(kind, ORDER, sequence)).toBe(externalIdFor(kind, ORDER, sequence));
        ids.add(externalIdFor(kind, ORDER, sequence));
      }
    }
    expect(ids.size).toBe(12);
  });

  it('keeps to the register limits: ≤ 128 characters, plain ASCII', () => {
    const id = externalIdFor('invoice_paid', ORDER, 999_999);
    expect(id.length).toBeLessThanOrEqual(MAX_EXTERNAL_ID_LENGTH);
    expect(id).toMatch(/^[A-Za-z0-9_:-]+$/);
    expect(() => externalIdFor('order_paid', 'x'.repeat(110), 1)).toThrow(/characters/);
  });

  it('refuses ids and sequences that would not make a safe key', () => {
    expect(() => externalIdFor('order_paid', 'a:b', 1)).toThrow(RangeError);
    expect(() => externalIdFor('order_paid', 'заказ', 1)).toThrow(RangeError);
    expect(() => externalIdFor('order_paid', '', 1)).toThrow(RangeError);
    expect(() => externalIdFor('order_paid', ORDER, 0)).toThrow(RangeError);
    expect(() => externalIdFor('order_paid', ORDER, 1.5)).toThrow(RangeError);
  });
});
