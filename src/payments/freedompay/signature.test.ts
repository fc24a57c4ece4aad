import { describe, expect, it } from 'vitest';
import { fieldsFromPairs, fieldsOf, type Fields } from './fields.js';
import { hasValidSignature, scriptNameOf, signatureOf, signed } from './signature.js';
import { parseXmlFields } from './xml.js';

// Vectors from docs/freedompay-protocol.md#test-vectors, verbatim.
const SECRET = 'TestSecretKey123';

describe('signatureOf (docs/freedompay-protocol.md#test-vectors)', () => {
  it('V1 init_payment', () => {
    const fields = fieldsOf({
      pg_order_id: 'ORD-1001',
      pg_merchant_id: '545084',
      pg_amount: '1500.00',
      pg_currency: 'KZT',
      pg_description: 'Order 1001',
      pg_salt: 'a1b2c3d4e5',
      pg_result_url: 'https://shop.example.kz/api/fp/result',
      pg_request_method: 'POST',
      pg_success_url: 'https://shop.example.kz/pay/success',
      pg_failure_url: 'https://shop.example.kz/pay/failure',
      pg_language: 'ru',
      pg_testing_mode: '1',
    });
    expect(signatureOf('init_payment.php', fields, SECRET)).toBe('341c70a50aed71a18a4671ec19277f55');
  });

  const v2 = fieldsOf({
    pg_order_id: 'ORD-1001',
    pg_payment_id: '987654321',
    pg_amount: '1500.00',
    pg_currency: 'KZT',
    pg_net_amount: '1455.00',
    pg_ps_amount: '1500',
    pg_ps_full_amount: '1500',
    pg_ps_currency: 'KZT',
    pg_description: 'Order 1001',
    pg_result: '1',
    pg_payment_date: '2025-01-15 12:34:56',
    pg_can_reject: '1',
    pg_user_phone: '77001234567',
    pg_user_contact_email: 'buyer@example.com',
    pg_testing_mode: '1',
    pg_captured: '1',
    pg_card_pan: '4716-04XX-XXXX-1981',
    pg_card_exp: '12/30',
    pg_card_brand: 'VI',
    pg_auth_code: '123456',
    cart_id: '42',
    pg_salt: 'Zx9Yw8Vu7T',
  });

  it('V2 result callback, script name from the merchant URL', () => {
    expect(scriptNameOf('https://shop.example.kz/api/fp/result')).toBe('result');
    expect(signatureOf('result', v2, SECRET)).toBe('4e4c1a0902a01063cd653f319616ba67');
    expect(hasValidSignature('result', [...v2, ['pg_sig', '4E4C1A0902A01063CD653F319616BA67']], SECRET)).toBe(true);
  });

  it('V2a/V2b merchant answers with the salt echoed', () => {
    const answer = (status: string, description: string): Fields => [
      ['pg_status', status],
      ['pg_description', description],
      ['pg_salt', 'Zx9Yw8Vu7T'],
    ];
    expect(signatureOf('result', answer('ok', 'Order paid'), SECRET)).toBe('8a5c2da47282830d7974d0e77823f06e');
    expect(signatureOf('result', answer('rejected', 'Reservation expired'), SECRET)).toBe('4ff1b29fb7baee4fa9fd646eeaf2329c');
  });

  it('V3 nested receipt positions from bracket form fields', () => {
    const fields = fieldsFromPairs([
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
    ]);
    expect(signatureOf('init_payment.php', fields, SECRET)).toBe('d66ae8a892e080a14cc0491186cda0fd');
  });

  it('V4 get_status3 XML answer with nested refunds, in document order', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><response>
      <pg_status>ok</pg_status><pg_payment_id>987654321</pg_payment_id><pg_order_id>ORD-1001</pg_order_id>
      <pg_currency>KZT</pg_currency><pg_amount>1500</pg_amount><pg_payment_status>success</pg_payment_status>
      <pg_can_reject>1</pg_can_reject><pg_captured>1</pg_captured><pg_clearing_amount>1500</pg_clearing_amount>
      <pg_refund_payments><pg_refund_payment><pg_payment_id>987654400</pg_payment_id>
      <pg_payment_status>success</pg_payment_status><pg_amount>-500</pg_amount>
      <pg_payment_date>2025-01-16 10:00:00</pg_payment_date></pg_refund_payment></pg_refund_payments>
      <pg_refund_amount>-500</pg_refund_amount><pg_create_date>2025-01-15 12:30:00</pg_create_date>
      <pg_salt>Rt5Yu6Io7P</pg_salt><pg_sig>cabaf81d7a3d26cbc588c0816fcf67e6</pg_sig></response>`;
    const fields = parseXmlFields(xml, 'response');
    expect(signatureOf('get_status3.php', fields, SECRET)).toBe('cabaf81d7a3d26cbc588c0816fcf67e6');
    expect(hasValidSignature('get_status3.php', fields, SECRET)).toBe(true);
  });

  it('V5 empty field: included and dropped both verify', () => {
    const fields = fieldsOf({ pg_merchant_id: '545084', pg_payment_id: '987654321', pg_refund_amount: '', pg_salt: 's1' });
    expect(signatureOf('revoke.php', fields, SECRET)).toBe('803017d5f9958c7a116d5423a6644e5d');
    expect(signatureOf('revoke.php', fields, SECRET, { dropEmpty: true })).toBe('cdbd86b02759bd0c4d0982536a95f04c');
    for (const sig of ['803017d5f9958c7a116d5423a6644e5d', 'cdbd86b02759bd0c4d0982536a95f04c']) {
      expect(hasValidSignature('revoke.php', [...fields, ['pg_sig', sig]], SECRET)).toBe(true);
    }
  });

  it('V6 prefix edge follows the official flattening', () => {
    const fields = fieldsOf({ pg_param1: 'a', pg_param10: 'b' });
    expect(signatureOf('x.php', fields, 'k')).toBe('2a7f663451e59b859611cd343b796d06');
  });
});

describe('hasValidSignature', () => {
  const message = signed('result', fieldsOf({ pg_order_id: 'A1', pg_amount: '10.00' }), SECRET);

  it('accepts what signed() produced and refuses any change', () => {
    expect(hasValidSignature('result', message, SECRET)).toBe(true);
    expect(hasValidSignature('check', message, SECRET)).toBe(false);
    expect(hasValidSignature('result', message, 'other-secret')).toBe(false);
    const tampered = message.map(([k, v]): [string, string | Fields] => [k, k === 'pg_amount' ? '1.00' : v]);
    expect(hasValidSignature('result', tampered, SECRET)).toBe(false);
  });

  it('refuses a missing or malformed signature', () => {
    expect(hasValidSignature('result', message.filter(([k]) => k !== 'pg_sig'), SECRET)).toBe(false);
    expect(hasValidSignature('result', [...message.slice(0, -1), ['pg_sig', 'zz']], SECRET)).toBe(false);
  });

  it('never sends empty fields', () => {
    expect(signed('x.php', fieldsOf({ a: '', b: '1' }), SECRET).map(([k]) => k)).toEqual(['b', 'pg_salt', 'pg_sig']);
  });
});
