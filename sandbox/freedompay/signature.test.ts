import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Fields } from './fields.js';
import { fieldsFromQuery } from './fields.js';
import { scriptNameOf, sign, signatureString, signed, verify } from './signature.js';

// docs/freedompay-protocol.md#test-vectors, copied verbatim: strings and hashes must not be "fixed" here, only
// in the code.
const SECRET = 'TestSecretKey123';
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

const V1: Fields = [
  ['pg_order_id', 'ORD-1001'],
  ['pg_merchant_id', '545084'],
  ['pg_amount', '1500.00'],
  ['pg_currency', 'KZT'],
  ['pg_description', 'Order 1001'],
  ['pg_salt', 'a1b2c3d4e5'],
  ['pg_result_url', 'https://shop.example.kz/api/fp/result'],
  ['pg_request_method', 'POST'],
  ['pg_success_url', 'https://shop.example.kz/pay/success'],
  ['pg_failure_url', 'https://shop.example.kz/pay/failure'],
  ['pg_language', 'ru'],
  ['pg_testing_mode', '1'],
];

const V2: Fields = [
  ['pg_order_id', 'ORD-1001'],
  ['pg_payment_id', '987654321'],
  ['pg_amount', '1500.00'],
  ['pg_currency', 'KZT'],
  ['pg_net_amount', '1455.00'],
  ['pg_ps_amount', '1500'],
  ['pg_ps_full_amount', '1500'],
  ['pg_ps_currency', 'KZT'],
  ['pg_description', 'Order 1001'],
  ['pg_result', '1'],
  ['pg_payment_date', '2025-01-15 12:34:56'],
  ['pg_can_reject', '1'],
  ['pg_user_phone', '77001234567'],
  ['pg_user_contact_email', 'buyer@example.com'],
  ['pg_testing_mode', '1'],
  ['pg_captured', '1'],
  ['pg_card_pan', '4716-04XX-XXXX-1981'],
  ['pg_card_exp', '12/30'],
  ['pg_card_brand', 'VI'],
  ['pg_auth_code', '123456'],
  ['cart_id', '42'],
  ['pg_salt', 'Zx9Yw8Vu7T'],
];

describe('pg_sig test vectors (docs/freedompay-protocol.md#test-vectors)', () => {
  it('V1 init_payment', () => {
    expect(signatureString('init_payment.php', V1, SECRET)).toBe(
      'init_payment.php;1500.00;KZT;Order 1001;https://shop.example.kz/pay/failure;ru;545084;ORD-1001;POST;https://shop.example.kz/api/fp/result;a1b2c3d4e5;https://shop.example.kz/pay/success;1;TestSecretKey123',
    );
    expect(sign('init_payment.php', V1, SECRET)).toBe('341c70a50aed71a18a4671ec19277f55');
  });

  it('V2 result callback, script taken from the merchant URL', () => {
    const script = scriptNameOf('https://shop.example.kz/api/fp/result');
    expect(script).toBe('result');
    expect(signatureString(script, V2, SECRET)).toBe(
      'result;42;1500.00;123456;1;1;VI;12/30;4716-04XX-XXXX-1981;KZT;Order 1001;1455.00;ORD-1001;2025-01-15 12:34:56;987654321;1500;KZT;1500;1;Zx9Yw8Vu7T;1;buyer@example.com;77001234567;TestSecretKey123',
    );
    expect(sign(script, V2, SECRET)).toBe('4e4c1a0902a01063cd653f319616ba67');
  });

  it('V2a / V2b merchant answers', () => {
    const ok: Fields = [['pg_status', 'ok'], ['pg_description', 'Order paid'], ['pg_salt', 'Zx9Yw8Vu7T']];
    expect(signatureString('result', ok, SECRET)).toBe('result;Order paid;Zx9Yw8Vu7T;ok;TestSecretKey123');
    expect(sign('result', ok, SECRET)).toBe('8a5c2da47282830d7974d0e77823f06e');
    const rejected: Fields = [['pg_status', 'rejected'], ['pg_description', 'Reservation expired'], ['pg_salt', 'Zx9Yw8Vu7T']];
    expect(signatureString('result', rejected, SECRET)).toBe('result;Reservation expired;Zx9Yw8Vu7T;rejected;TestSecretKey123');
    expect(sign('result', rejected, SECRET)).toBe('4ff1b29fb7baee4fa9fd646eeaf2329c');
  });

  it('V3 nested receipt positions, from bracket form keys', () => {
    const fields = fieldsFromQuery(
      new URLSearchParams([
        ['pg_order_id', 'ORD-1002'],
        ['pg_merchant_id', '545084'],
        ['pg_amount', '2500'],
        ['pg_description', 'Two items'],
        ['pg_salt', 'q7w8e9r0'],
        ['pg_receipt_positions[0][count]', '2'],
        ['pg_receipt_positions[0][name]', 'Mouse pad'],
        ['pg_receipt_positions[0][tax_type]', '0'],
        ['pg_receipt_positions[0][price]', '1000'],
        ['pg_receipt_positions[1][count]', '1'],
        ['pg_receipt_positions[1][name]', 'Cable'],
        ['pg_receipt_positions[1][tax_type]', '0'],
        ['pg_receipt_positions[1][price]', '500'],
      ]).toString(),
    );
    expect(signatureString('init_payment.php', fields, SECRET)).toBe(
      'init_payment.php;2500;Two items;545084;ORD-1002;2;Mouse pad;1000;0;1;Cable;500;0;q7w8e9r0;TestSecretKey123',
    );
    expect(sign('init_payment.php', fields, SECRET)).toBe('d66ae8a892e080a14cc0491186cda0fd');
  });

  // V4 (XML) is in xml.test.ts: it is about parse order as much as about signing.

  it('V5 empty field: included by default, dropped on request; verify accepts both', () => {
    const fields: Fields = [['pg_merchant_id', '545084'], ['pg_payment_id', '987654321'], ['pg_refund_amount', ''], ['pg_salt', 's1']];
    expect(signatureString('revoke.php', fields, SECRET)).toBe('revoke.php;545084;987654321;;s1;TestSecretKey123');
    expect(sign('revoke.php', fields, SECRET)).toBe('803017d5f9958c7a116d5423a6644e5d');
    expect(signatureString('revoke.php', fields, SECRET, { dropEmpty: true })).toBe('revoke.php;545084;987654321;s1;TestSecretKey123');
    expect(sign('revoke.php', fields, SECRET, { dropEmpty: true })).toBe('cdbd86b02759bd0c4d0982536a95f04c');
    expect(verify('revoke.php', [...fields, ['pg_sig', '803017d5f9958c7a116d5423a6644e5d']], SECRET)).toBe(true);
    expect(verify('revoke.php', [...fields, ['pg_sig', 'cdbd86b02759bd0c4d0982536a95f04c']], SECRET)).toBe(true);
    expect(verify('revoke.php', [...fields, ['pg_sig', '2a7f663451e59b859611cd343b796d06']], SECRET)).toBe(false);
  });

  it('V6 prefix edge: official flattening puts pg_param10 first', () => {
    const fields: Fields = [['pg_param1', 'a'], ['pg_param10', 'b']];
    expect(signatureString('x.php', fields, 'k')).toBe('x.php;b;a;k');
    expect(sign('x.php', fields, 'k')).toBe('2a7f663451e59b859611cd343b796d06');
    // The naive reading, for the record: it is not what the sandbox computes.
    expect(md5('x.php;a;b;k')).toBe('c0d1dbcc7cc2f69757400ac808442faa');
    expect(sign('x.php', fields, 'k')).not.toBe('c0d1dbcc7cc2f69757400ac808442faa');
  });
});

describe('signing helpers', () => {
  it('signed() adds a fresh salt and a signature that verifies', () => {
    const a = signed('get_status3.php', [['pg_status', 'ok']], SECRET);
    const b = signed('get_status3.php', [['pg_status', 'ok']], SECRET);
    expect(a.map(([n]) => n)).toEqual(['pg_status', 'pg_salt', 'pg_sig']);
    expect(a[1]?.[1]).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(a[1]?.[1]).not.toBe(b[1]?.[1]);
    expect(verify('get_status3.php', a, SECRET)).toBe(true);
    expect(verify('get_status2.php', a, SECRET)).toBe(false);
    expect(verify('get_status3.php', a, 'other')).toBe(false);
  });

  it('a corrupted signature is well formed but does not verify', () => {
    const fields = signed('result', [['pg_status', 'ok']], SECRET, { corrupt: true });
    expect(fields.at(-1)?.[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(verify('result', fields, SECRET)).toBe(false);
  });

  it('script names: last path segment, query ignored, empty for a trailing slash', () => {
    expect(scriptNameOf('https://shop/api/fp/result?x=1')).toBe('result');
    expect(scriptNameOf('https://shop/index.php?dispatch=x')).toBe('index.php');
    expect(scriptNameOf('https://shop/api/')).toBe('');
  });
});
