import { DateTime } from 'luxon';
import { formatRub } from '../money.js';
import type { VatRate } from '../receipts/receipt.js';
import { divideRounded, VAT_PERCENT } from '../receipts/vat.js';

// What a bank invoice («Счёт на оплату») says, worked out once for the PDF, the email and the pages
// (docs/payments.md#bank-transfers, decision 038).

export type TaxSystem = 'osn' | 'usn_income' | 'usn_income_outcome' | 'esn' | 'patent';

/** «05.12.2026», the invoice's date on the Moscow calendar. */
export const invoiceDate = (issuedAt: Date) => DateTime.fromJSDate(issuedAt, { zone: 'Europe/Moscow' }).toFormat('dd.LL.yyyy');

/** «Счёт на оплату № 17 от 05.12.2026». */
export const invoiceTitle = (number: number, issuedAt: Date) => `Счёт на оплату № ${number} от ${invoiceDate(issuedAt)}`;

export type VatLine = { kind: 'none' } | { kind: 'included'; percent: number; vatKopecks: number };

/**
 * VAT as the invoice states it: the rate the service's receipts use (the catalog's «НДС в чеке»), or
 * none. A patent is never a VAT payer; on the simplified system a service carries a rate only if the
 * owner set one (5 % or 7 % since 2025), so the catalog's rate decides there too.
 */
export function vatLine(taxSystem: TaxSystem, rate: VatRate, amountKopecks: number): VatLine {
  const percent = VAT_PERCENT[rate];
  if (taxSystem === 'patent' || percent === null) return { kind: 'none' };
  return { kind: 'included', percent, vatKopecks: divideRounded(amountKopecks * percent, 100 + percent) };
}

/** «В том числе НДС 22 %: 2 704,92 ₽» or «Без НДС». */
export function vatWords(line: VatLine): string {
  return line.kind === 'none' ? 'Без НДС' : `В том числе НДС ${line.percent} %: ${formatRub(line.vatKopecks)}`;
}

/**
 * The payment order's purpose the payer should copy: the invoice number is what the statement matcher
 * looks for (statement-matcher.ts), and the VAT clause is required in a payment order.
 */
export function paymentPurpose(number: number, issuedAt: Date, line: VatLine): string {
  const vat = line.kind === 'none' ? 'Без НДС' : `В т.ч. НДС ${line.percent} % ${plainRoubles(line.vatKopecks)} руб.`;
  return `Оплата по счёту № ${number} от ${invoiceDate(issuedAt)} за услуги. ${vat}`;
}

/** 270492 → «2704,92»: a sum as a bank's payment order writes it, with no spaces to break. */
export const plainRoubles = (kopecks: number) => `${Math.trunc(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
