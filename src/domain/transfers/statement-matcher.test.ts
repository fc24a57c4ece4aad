import { describe, expect, it } from 'vitest';
import { incoming, OUR, statementText } from '../../../tests/helpers/bank-statements.js';
import { parseStatement, type Statement } from './bank-statement.js';
import { documentKey, invoiceNumbersIn, matchStatement, verdictWords, type KnownInvoice } from './statement-matcher.js';

const invoices: KnownInvoice[] = [
  { id: 'inv-17', number: 17, amountKopecks: 1_500_000, state: 'waiting' },
  { id: 'inv-18', number: 18, amountKopecks: 500_000, state: 'waiting' },
  { id: 'inv-19', number: 19, amountKopecks: 700_000, state: 'paid' },
  { id: 'inv-20', number: 20, amountKopecks: 700_000, state: 'cancelled' },
];

function statement(documents: string[][]): Statement {
  const parsed = parseStatement(statementText(documents));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.statement;
}

const verdicts = (s: Statement, recordedKeys: Set<string> = new Set()) =>
  matchStatement(s, { ourAccount: OUR, invoices, recordedKeys }).map((line) => line.verdict);

describe('invoiceNumbersIn', () => {
  it.each([
    ['Оплата по счёту № 17 от 06.12.2026 за услуги. Без НДС', [17]],
    ['Оплата по счету 17 от 06.12.2026', [17]],
    ['Оплата сч. №17', [17]],
    ['Счет на оплату N 17, 18', [17]],
    ['Оплата по счетам 17 и 18', []],
    ['Перевод на счет 40702810938000000001', []],
    ['Оплата по договору 5 от 01.12.2026', []],
    ['Оплата по расчету 5 от 01.12.2026', []],
  ])('%s → %o', (purpose, numbers) => {
    expect(invoiceNumbersIn(purpose)).toEqual(numbers);
  });
});

describe('matchStatement', () => {
  it('matches a payment to our account naming a waiting invoice with its exact sum', () => {
    const s = statement([incoming({ number: '15', sum: '15000.00', purpose: 'Оплата по счёту № 17 от 06.12.2026 за услуги. Без НДС' })]);
    const [line] = matchStatement(s, { ourAccount: OUR, invoices, recordedKeys: new Set() });
    expect(line!.verdict).toEqual({ kind: 'matched', invoiceId: 'inv-17', invoiceNumber: 17 });
    expect(line!.key).toBe('15|07.12.2026|7736207543|1500000');
  });

  it('lists partial and larger sums, unknown and missing numbers, without applying them', () => {
    expect(
      verdicts(
        statement([
          incoming({ number: '1', sum: '7500.00', purpose: 'Оплата по счёту № 17, первая часть' }),
          incoming({ number: '2', sum: '5000.01', purpose: 'Оплата по счёту № 18' }),
          incoming({ number: '3', sum: '100.00', purpose: 'Оплата по счёту № 99' }),
          incoming({ number: '4', sum: '100.00', purpose: 'Оплата за услуги' }),
          incoming({ number: '5', sum: '100.00', purpose: 'По счёту № 17 и счёту № 18' }),
        ]),
      ),
    ).toEqual([
      { kind: 'partial', invoiceId: 'inv-17', invoiceNumber: 17, expectedKopecks: 1_500_000 },
      { kind: 'overpaid', invoiceId: 'inv-18', invoiceNumber: 18, expectedKopecks: 500_000 },
      { kind: 'unknown_number', numbers: [99] },
      { kind: 'unknown_number', numbers: [] },
      { kind: 'ambiguous', numbers: [17, 18] },
    ]);
  });

  it('skips outgoing payments and lines for another account', () => {
    const outgoing = incoming({ number: '8', sum: '15000.00', purpose: 'Оплата по счёту № 17', to: '40702810400000099999' });
    expect(verdicts(statement([outgoing]))).toEqual([{ kind: 'outgoing' }]);
  });

  it('a document recorded before, or twice in one file, is a duplicate', () => {
    const line = incoming({ number: '15', sum: '15000.00', purpose: 'Оплата по счёту № 17' });
    const s = statement([line, line]);
    expect(verdicts(s)).toEqual([{ kind: 'matched', invoiceId: 'inv-17', invoiceNumber: 17 }, { kind: 'duplicate' }]);
    const recorded = new Set([documentKey(s.documents[0]!)]);
    expect(verdicts(statement([line]), recorded)).toEqual([{ kind: 'duplicate' }]);
  });

  it('a second payment of one invoice, an already paid or a cancelled invoice go to a person', () => {
    expect(
      verdicts(
        statement([
          incoming({ number: '21', sum: '15000.00', purpose: 'Оплата по счёту № 17' }),
          incoming({ number: '22', sum: '15000.00', purpose: 'Оплата по счёту № 17 (повторно)' }),
          incoming({ number: '23', sum: '7000.00', purpose: 'Оплата по счёту № 19' }),
          incoming({ number: '24', sum: '7000.00', purpose: 'Оплата по счёту № 20' }),
        ]),
      ),
    ).toEqual([
      { kind: 'matched', invoiceId: 'inv-17', invoiceNumber: 17 },
      { kind: 'already_paid', invoiceId: 'inv-17', invoiceNumber: 17 },
      { kind: 'already_paid', invoiceId: 'inv-19', invoiceNumber: 19 },
      { kind: 'invoice_cancelled', invoiceId: 'inv-20', invoiceNumber: 20 },
    ]);
  });

  it('says each verdict in Russian', () => {
    expect(verdictWords({ kind: 'partial', invoiceId: 'x', invoiceNumber: 17, expectedKopecks: 1 })).toBe('Сумма меньше, чем по счёту № 17: частичная оплата не учтена, разберитесь вручную.');
    expect(verdictWords({ kind: 'duplicate' })).toContain('уже учтён');
  });
});
