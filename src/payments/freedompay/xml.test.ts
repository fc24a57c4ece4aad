import { describe, expect, it } from 'vitest';
import { phpSignature, type PhpFields } from '../../../tests/helpers/php-signature.js';
import { callbackAnswer, readResultCallback } from './callbacks.js';
import { hasValidSignature } from './signature.js';
import { buildXml, parseXmlFields } from './xml.js';

// XML read as the gateway's PHP (SimpleXML) reads it. The documents are written by hand, the
// signatures by an independent signer over the values PHP would see.

const SECRET = 'TestSecretKey123';
const read = (body: string) => parseXmlFields(`<?xml version="1.0" encoding="utf-8"?>\n<request>${body}</request>`, 'request');

describe('parseXmlFields reads values as SimpleXML does', () => {
  it.each([
    ['decimal character references', '<a>&#1047;&#1072;&#1082;&#1072;&#1079;</a>', 'Заказ'],
    ['hexadecimal character references', '<a>&#x410;&#x431;</a>', 'Аб'],
    ['a reference beyond the basic plane', '<a>&#128512;</a>', '😀'],
    ['the five XML entities', '<a>&amp;&lt;&gt;&quot;&apos;</a>', '&<>"\''],
    ['an escaped reference, decoded once', '<a>&amp;#1047;</a>', '&#1047;'],
    ['leading and trailing spaces', '<a> IVAN </a>', ' IVAN '],
    ['a value of spaces only', '<a>   </a>', '   '],
    ['line breaks inside a value', '<a>\n  two\n  lines\n</a>', '\n  two\n  lines\n'],
    ['CRLF normalised, a referenced CR kept', '<a>x\r\ny&#13;</a>', 'x\ny\r'],
    ['CDATA as written', '<a><![CDATA[ &amp; <b> ]]></a>', ' &amp; <b> '],
    ['text and CDATA together', '<a>&#1047; <![CDATA[<1>]]> &amp;</a>', 'З <1> &'],
    ['an empty element', '<a/>', ''],
    ['a comment inside a value', '<a>x<!-- note -->y</a>', 'xy'],
  ])('%s', (_what, body, value) => {
    expect(read(body)).toEqual([['a', value]]);
  });

  it('nests elements with children, keeping repeated tags in document order', () => {
    expect(read('\n  <l>\n    <i><v> 1 </v></i>\n    <i><v>&#50;</v></i>\n  </l>\n')).toEqual([['l', [['i', [['v', ' 1 ']]], ['i', [['v', '2']]]]]]);
  });

  it.each([
    ['an HTML entity SimpleXML does not know', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>Tom & Jerry</a>'],
    ['a reference to a forbidden character', '<a>&#0;</a>'],
    ['an unterminated reference', '<a>&#1047</a>'],
    ['a tag left open', '<a>x</b>'],
    ['nesting deeper than any message', `${'<n>'.repeat(20)}x${'</n>'.repeat(20)}`],
    ['more elements than any message', '<a>1</a>'.repeat(3000)],
  ])('refuses %s', (_what, body) => {
    expect(() => read(body)).toThrow();
  });

  it('refuses a document type (entity declarations)', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE request [<!ENTITY e "x">]><request><a>&e;</a></request>';
    expect(() => parseXmlFields(xml, 'request')).toThrow();
  });
});

describe('signatures over XML values (both directions)', () => {
  const values: PhpFields = [
    ['pg_order_id', 'ORD-1001'],
    ['pg_payment_id', '987654321'],
    ['pg_amount', '1500.00'],
    ['pg_currency', 'RUB'],
    ['pg_result', '1'],
    ['pg_card_owner', ' IVAN '],
    ['pg_description', 'Заказ & <оплата>'],
    ['pg_salt', 'Zx9Yw8Vu7T'],
  ];
  const sig = phpSignature('result', values, SECRET);
  // The gateway's way of writing these values: references, CDATA, spaces as they are.
  const written = `<?xml version="1.0" encoding="utf-8"?>
<request>
  <pg_order_id>ORD-1001</pg_order_id>
  <pg_payment_id>987654321</pg_payment_id>
  <pg_amount>1500.00</pg_amount>
  <pg_currency>RUB</pg_currency>
  <pg_result>1</pg_result>
  <pg_card_owner> IVAN </pg_card_owner>
  <pg_description>&#1047;&#x430;каз &amp; <![CDATA[<оплата>]]></pg_description>
  <pg_salt>Zx9Yw8Vu7T</pg_salt>
  <pg_sig>${sig}</pg_sig>
</request>`;

  it('reads the values PHP signed, and the independent signature verifies', () => {
    const fields = parseXmlFields(written, 'request');
    expect(fields.slice(0, -1)).toEqual(values);
    expect(hasValidSignature('result', fields, SECRET)).toBe(true);
  });

  it('accepts the signed pg_xml callback', () => {
    expect(readResultCallback([['pg_xml', written]], SECRET)).toMatchObject({ valid: true, event: { kind: 'paid', amountKopecks: 150_000 } });
  });

  it('writes values that read back unchanged, and signs our answer as PHP computes it', () => {
    const fields: PhpFields = [['pg_description', ' З & <чай> "вместе" '], ['pg_salt', 's']];
    expect(parseXmlFields(buildXml(fields as [string, string][]), 'response')).toEqual(fields);
    const answer = parseXmlFields(callbackAnswer('result', 'ok', ' Оплата & <принята> ', 'Zx9Yw8Vu7T', SECRET), 'response');
    const signedValues = answer.filter(([name]) => name !== 'pg_sig') as PhpFields;
    expect(signedValues).toEqual([['pg_status', 'ok'], ['pg_description', ' Оплата & <принята> '], ['pg_salt', 'Zx9Yw8Vu7T']]);
    expect(answer.find(([name]) => name === 'pg_sig')?.[1]).toBe(phpSignature('result', signedValues, SECRET));
  });
});
