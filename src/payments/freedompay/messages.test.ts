import { describe, expect, it } from 'vitest';
import { fieldsOf, type Fields } from './fields.js';
import { eventFromResult, statusFromAnswer } from './messages.js';
import { buildXml, parseXmlFields } from './xml.js';

describe('eventFromResult', () => {
  it('keeps only the card brand and last four digits', () => {
    const event = eventFromResult(
      fieldsOf({ pg_order_id: 'a', pg_payment_id: '7', pg_amount: '150', pg_currency: 'rub', pg_result: '1', pg_can_reject: '1', pg_card_pan: '5483-18XX-XXXX-0293', pg_card_brand: 'MC' }),
    );
    expect(event).toEqual({
      kind: 'paid',
      attemptId: 'a',
      gatewayPaymentId: '7',
      amountKopecks: 15_000,
      currency: 'RUB',
      captured: true,
      canReject: true,
      card: { brand: 'MC', last4: '0293' },
      failure: null,
    });
  });

  it('reads a failure with its reason', () => {
    const event = eventFromResult(fieldsOf({ pg_order_id: 'a', pg_payment_id: '7', pg_result: '0', pg_failure_code: '10004', pg_failure_description: '3-D Secure' }));
    expect(event).toMatchObject({ kind: 'failed', failure: { code: '10004', description: '3-D Secure' } });
  });
});

describe('statusFromAnswer', () => {
  const status = (word: string, extra: Fields = []) => statusFromAnswer([['pg_payment_status', word], ['pg_amount', '100'], ...extra]);

  it.each([
    ['success', 'paid'],
    ['ok', 'paid'],
    ['failed', 'failed'],
    ['incomplete', 'failed'],
    ['revoked', 'cancelled'],
    ['process', 'pending'],
    ['something-new', 'pending'],
  ])('maps %s to %s', (word, kind) => {
    expect(status(word).kind).toBe(kind);
  });

  it('lists refunds as positive amounts', () => {
    const answer = status('success', [
      ['pg_clearing_amount', '100'],
      ['pg_refund_payments', [['pg_refund_payment', [['pg_payment_id', '9'], ['pg_payment_status', 'success'], ['pg_amount', '-40.50']]]]],
    ]);
    expect(answer.clearedKopecks).toBe(10_000);
    expect(answer.refunds).toEqual([{ gatewayRefundId: '9', amountKopecks: 4050, succeeded: true }]);
  });
});

describe('xml', () => {
  it('escapes on the way out and unescapes on the way in', () => {
    const fields: Fields = [['pg_description', 'Кофе & <чай> "вместе"'], ['pg_salt', 's']];
    expect(parseXmlFields(buildXml(fields), 'response')).toEqual(fields);
  });

  it('refuses a document without the expected root', () => {
    expect(() => parseXmlFields('<other/>', 'response')).toThrow();
  });
});
