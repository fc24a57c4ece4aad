import { describe, expect, it } from 'vitest';
import { checkTransferForm } from './transfer-form.js';

const invoice = { amountKopecks: 1_500_000, issuedAt: new Date('2026-12-07T08:20:00Z') };
const now = new Date('2026-12-09T10:00:00Z');

describe('checkTransferForm', () => {
  it('takes the invoice’s exact sum, a date between the invoice and today, the payer and a note', () => {
    expect(checkTransferForm({ amount: '15 000', received_on: '2026-12-08', payer: ' ООО  «Ромашка» ', note: ' п/п 77 ' }, invoice, now)).toEqual({
      ok: true,
      transfer: { amountKopecks: 1_500_000, receivedOn: '2026-12-08', payerName: 'ООО «Ромашка»', note: 'п/п 77' },
    });
  });

  it.each([
    ['amount', { amount: '14 999,99' }, 'Сумма по счёту — 15'],
    ['amount', { amount: 'пятнадцать' }, 'Введите сумму цифрами'],
    ['received_on', { received_on: '2026-12-10' }, 'не может быть в будущем'],
    ['received_on', { received_on: '2026-12-06' }, 'раньше даты счёта'],
    ['received_on', { received_on: '08.12.2026' }, 'Укажите дату поступления'],
    ['payer', { payer: '' }, 'Укажите плательщика'],
  ])('says what is wrong with %s', (field, change, message) => {
    const result = checkTransferForm({ amount: '15 000', received_on: '2026-12-08', payer: 'ООО «Ромашка»', ...change }, invoice, now);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field as keyof typeof result.errors]).toContain(message);
  });
});
