import { describe, expect, it } from 'vitest';
import { phpSignature, phpSigned, type PhpFields } from '../../../tests/helpers/php-signature.js';
import { readCheckCallback, readResultCallback } from './callbacks.js';

// A signed callback means exactly what was signed: the signatures here come from an independent
// signer, so each case is a message the gateway could really have signed (or a genuine one with
// something put in by a man in the middle).

const SECRET = 'TestSecretKey123';
const flat = (fields: PhpFields) => fields as [string, string][];

const paid: PhpFields = [
  ['pg_order_id', 'ORD-1001'],
  ['pg_payment_id', '987654321'],
  ['pg_amount', '1500.00'],
  ['pg_currency', 'RUB'],
  ['pg_result', '1'],
  ['pg_can_reject', '1'],
  ['pg_captured', '1'],
  ['pg_salt', 'Zx9Yw8Vu7T'],
];

/** What a signer that leaves empty fields out (docs/freedompay-protocol.md#signature-edge-cases) would put in pg_sig. */
const signedWithoutEmpties = (script: string, fields: PhpFields): PhpFields => [
  ...fields,
  ['pg_sig', phpSignature(script, fields.filter(([, value]) => value !== ''), SECRET)],
];

describe('the independent signer', () => {
  it('reproduces PROTOCOL V2a', () => {
    expect(phpSignature('result', [['pg_status', 'ok'], ['pg_description', 'Order paid'], ['pg_salt', 'Zx9Yw8Vu7T']], SECRET)).toBe('8a5c2da47282830d7974d0e77823f06e');
  });
});

describe('readResultCallback', () => {
  it('reads a genuine signed success as paid', () => {
    const message = readResultCallback(flat(phpSigned('result', paid, SECRET)), SECRET);
    expect(message).toMatchObject({ valid: true, salt: 'Zx9Yw8Vu7T', event: { kind: 'paid', amountKopecks: 150_000, attemptId: 'ORD-1001' } });
  });

  it('refuses a genuine success with an empty pg_result put in front (it verified without empties and read as a failure)', () => {
    const genuine = flat(signedWithoutEmpties('result', paid));
    expect(readResultCallback(genuine, SECRET)).toMatchObject({ valid: true, event: { kind: 'paid' } });
    const forged: [string, string][] = [['pg_result', ''], ...genuine];
    expect(readResultCallback(forged, SECRET).valid).toBe(false);
  });

  it('refuses a message whose field names repeat, even when the signature covers both copies', () => {
    const repeated: PhpFields = [['pg_result', '0'], ...paid];
    expect(readResultCallback(flat(phpSigned('result', repeated, SECRET)), SECRET).valid).toBe(false);
    const twoAmounts: PhpFields = [...paid, ['pg_amount', '1.00']];
    expect(readResultCallback(flat(phpSigned('result', twoAmounts, SECRET)), SECRET).valid).toBe(false);
  });

  it('refuses a plain field that is also sent as a bracket array', () => {
    const pairs: [string, string][] = [...flat(paid), ['pg_result[0]', '0']];
    const signature = phpSignature('result', [...paid, ['pg_result', [['0', '0']]]], SECRET);
    expect(readResultCallback([...pairs, ['pg_sig', signature]], SECRET).valid).toBe(false);
  });

  it.each(['pg_result', 'pg_amount', 'pg_currency', 'pg_order_id', 'pg_payment_id', 'pg_can_reject', 'pg_captured'])(
    'refuses a signed message whose %s is empty',
    (name) => {
      const emptied = paid.map(([key, value]): [string, string] => [key, key === name ? '' : (value as string)]);
      expect(readResultCallback(flat(phpSigned('result', emptied, SECRET)), SECRET).valid).toBe(false);
      expect(readResultCallback(flat(signedWithoutEmpties('result', emptied)), SECRET).valid).toBe(false);
    },
  );

  it.each(['pg_result', 'pg_amount', 'pg_order_id', 'pg_payment_id'])('refuses a signed message without %s', (name) => {
    expect(readResultCallback(flat(phpSigned('result', paid.filter(([key]) => key !== name), SECRET)), SECRET).valid).toBe(false);
  });

  it('acts on the fields under the reading that verified: an unsigned empty field is not read', () => {
    const failed: PhpFields = [
      ['pg_order_id', 'ORD-1001'],
      ['pg_payment_id', '987654321'],
      ['pg_amount', '1500.00'],
      ['pg_currency', 'RUB'],
      ['pg_result', '0'],
      ['pg_error_code', '10004'],
      ['pg_salt', 's1'],
    ];
    // Signed without empties; an empty pg_failure_code added in transit still verifies under that reading…
    const message = readResultCallback([['pg_failure_code', ''], ...flat(signedWithoutEmpties('result', failed))], SECRET);
    // …but it was not signed, so the gateway's own code is the one read.
    expect(message).toMatchObject({ valid: true, event: { kind: 'failed', failure: { code: '10004' } } });
  });

  it('keeps an empty field that was signed', () => {
    const withEmpty: PhpFields = [...paid, ['pg_card_pan', '']];
    expect(readResultCallback(flat(phpSigned('result', withEmpty, SECRET)), SECRET)).toMatchObject({ valid: true, event: { kind: 'paid', card: null } });
  });
});

describe('readCheckCallback', () => {
  const check: PhpFields = [
    ['pg_order_id', 'ORD-1001'],
    ['pg_payment_id', '987654321'],
    ['pg_amount', '1500.00'],
    ['pg_currency', 'RUB'],
    ['pg_salt', 'c1'],
  ];

  it('reads a genuine check', () => {
    expect(readCheckCallback(flat(phpSigned('check', check, SECRET)), SECRET)).toMatchObject({ valid: true, check: { attemptId: 'ORD-1001', amountKopecks: 150_000, currency: 'RUB' } });
  });

  it('refuses repeated names and empty decision fields', () => {
    expect(readCheckCallback(flat(phpSigned('check', [['pg_amount', '1.00'], ...check], SECRET)), SECRET).valid).toBe(false);
    expect(readCheckCallback([['pg_amount', ''], ...flat(signedWithoutEmpties('check', check))], SECRET).valid).toBe(false);
    const emptyCurrency = check.map(([key, value]): [string, string] => [key, key === 'pg_currency' ? '' : (value as string)]);
    expect(readCheckCallback(flat(phpSigned('check', emptyCurrency, SECRET)), SECRET).valid).toBe(false);
  });
});
