import { describe, expect, it } from 'vitest';
import { sign, signatureString, verify } from './signature.js';
import { buildXml, parseXml } from './xml.js';

// V4 of docs/freedompay-protocol.md#test-vectors: a get_status3.php answer with a nested refund list,
// pretty-printed as a gateway might send it. The order of fields comes from the document, nesting from the
// elements.
const V4 = `<?xml version="1.0" encoding="utf-8"?>
<response>
  <pg_status>ok</pg_status>
  <pg_payment_id>987654321</pg_payment_id>
  <pg_order_id>ORD-1001</pg_order_id>
  <pg_currency>KZT</pg_currency>
  <pg_amount>1500</pg_amount>
  <pg_payment_status>success</pg_payment_status>
  <pg_can_reject>1</pg_can_reject>
  <pg_captured>1</pg_captured>
  <pg_clearing_amount>1500</pg_clearing_amount>
  <pg_refund_payments>
    <pg_refund_payment>
      <pg_payment_id>987654400</pg_payment_id>
      <pg_payment_status>success</pg_payment_status>
      <pg_amount>-500</pg_amount>
      <pg_payment_date>2025-01-16 10:00:00</pg_payment_date>
    </pg_refund_payment>
  </pg_refund_payments>
  <pg_refund_amount>-500</pg_refund_amount>
  <pg_create_date>2025-01-15 12:30:00</pg_create_date>
  <pg_salt>Rt5Yu6Io7P</pg_salt>
  <pg_sig>cabaf81d7a3d26cbc588c0816fcf67e6</pg_sig>
</response>`;

describe('XML messages', () => {
  it('V4: parses in document order, nests the refund list, and verifies', () => {
    const parsed = parseXml(V4);
    expect(parsed?.root).toBe('response');
    const fields = parsed?.fields ?? [];
    expect(fields.map(([name]) => name)).toEqual([
      'pg_status', 'pg_payment_id', 'pg_order_id', 'pg_currency', 'pg_amount', 'pg_payment_status', 'pg_can_reject',
      'pg_captured', 'pg_clearing_amount', 'pg_refund_payments', 'pg_refund_amount', 'pg_create_date', 'pg_salt', 'pg_sig',
    ]);
    expect(fields[9]).toEqual([
      'pg_refund_payments',
      [['pg_refund_payment', [['pg_payment_id', '987654400'], ['pg_payment_status', 'success'], ['pg_amount', '-500'], ['pg_payment_date', '2025-01-16 10:00:00']]]],
    ]);
    expect(signatureString('get_status3.php', fields, 'TestSecretKey123')).toBe(
      'get_status3.php;1500;1;1;1500;2025-01-15 12:30:00;KZT;ORD-1001;987654321;success;-500;-500;2025-01-16 10:00:00;987654400;success;Rt5Yu6Io7P;ok;TestSecretKey123',
    );
    expect(sign('get_status3.php', fields, 'TestSecretKey123')).toBe('cabaf81d7a3d26cbc588c0816fcf67e6');
    expect(verify('get_status3.php', fields, 'TestSecretKey123')).toBe(true);
  });

  it('keeps repeated tags apart, leaf text exact, entities decoded, empty elements empty', () => {
    const parsed = parseXml('<request><a> x &amp; y </a><e/><n><c>1</c><c>2</c></n><t>&#1040;&lt;</t></request>');
    expect(parsed).toEqual({
      root: 'request',
      fields: [['a', ' x & y '], ['e', ''], ['n', [['c', '1'], ['c', '2']]], ['t', 'А<']],
    });
  });

  it('rejects documents that are not well-formed', () => {
    expect(parseXml('<response><a>1</b></response>')).toBeUndefined();
    expect(parseXml('ok')).toBeUndefined();
    expect(parseXml('')).toBeUndefined();
  });

  it('builds what it parses', () => {
    const fields = [['pg_status', 'ok'], ['pg_description', 'a < b & "c"'], ['list', [['item', '1'], ['item', '2']]]] as const;
    const xml = buildXml('response', fields);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<response><pg_status>ok</pg_status>')).toBe(true);
    expect(parseXml(xml)).toEqual({ root: 'response', fields });
  });
});
