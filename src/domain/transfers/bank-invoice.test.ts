import { describe, expect, it } from 'vitest';
import { invoiceTitle, paymentPurpose, vatLine, vatWords } from './bank-invoice.js';

const issuedAt = new Date('2026-12-06T22:30:00Z'); // 7 December in Moscow

describe('bank invoice wording', () => {
  it('dates the invoice on the Moscow calendar', () => {
    expect(invoiceTitle(17, issuedAt)).toBe('Счёт на оплату № 17 от 07.12.2026');
  });

  it('on the general system: VAT at the service rate, included in the sum', () => {
    const line = vatLine('osn', 'vat22', 1_500_000);
    expect(line).toEqual({ kind: 'included', percent: 22, vatKopecks: 270_492 });
    expect(vatWords(line).replace(/\u00a0/g, ' ')).toBe('В том числе НДС 22 %: 2 704,92 ₽');
    expect(paymentPurpose(17, issuedAt, line)).toBe('Оплата по счёту № 17 от 07.12.2026 за услуги. В т.ч. НДС 22 % 2704,92 руб.');
  });

  it('on a patent, or for a service without VAT: «Без НДС»', () => {
    expect(vatLine('patent', 'vat22', 1_500_000)).toEqual({ kind: 'none' });
    expect(vatLine('usn_income', 'none', 1_500_000)).toEqual({ kind: 'none' });
    expect(vatWords({ kind: 'none' })).toBe('Без НДС');
    expect(paymentPurpose(18, issuedAt, { kind: 'none' })).toBe('Оплата по счёту № 18 от 07.12.2026 за услуги. Без НДС');
  });
});
