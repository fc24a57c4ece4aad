import type { ReceiptDocument, ReceiptLine } from './receipt.js';
import { divideRounded, vatKopecks } from './vat.js';

// The invariants every receipt keeps (docs/receipts.md#which-receipt-when, docs/atol-protocol.md#receipt-body):
// positive integer kopecks, line sum = price × quantity, total = Σ lines = Σ payments, VAT from the sum.
// A broken one is a bug upstream: the receipt is refused loudly rather than registered wrong.

export class ReceiptRuleError extends Error {
  override name = 'ReceiptRuleError';
}

/** The register's ceiling for a price, a sum or a total (42 949 672,95 ₽ = 2^32 − 1 kopecks). */
export const MAX_RECEIPT_KOPECKS = 4_294_967_295;
/** The register's ceiling for a quantity (99 999,999), and its precision (3 decimals). */
export const MAX_QUANTITY = 99_999.999;
export const MAX_LINE_NAME = 128;
/** Tag 1008 (buyer's email or phone) holds at most 64 characters. */
export const MAX_CONTACT = 64;

/** quantity in thousandths, or null when it has more than 3 decimals. */
export function quantityThousandths(quantity: number): number | null {
  const scaled = Math.round(quantity * 1000);
  // Binary noise (7.1 × 1000 = 7099.999…) is not a fourth decimal.
  return Math.abs(scaled - quantity * 1000) < 1e-6 ? scaled : null;
}

/** price × quantity rounded to the kopeck, halves away from zero. */
export function lineSumKopecks(priceKopecks: number, quantity: number): number {
  const thousandths = quantityThousandths(quantity);
  if (thousandths === null) throw new ReceiptRuleError(`quantity ${quantity} has more than 3 decimals`);
  return divideRounded(priceKopecks * thousandths, 1000);
}

const positiveKopecks = (value: number) => Number.isSafeInteger(value) && value > 0 && value <= MAX_RECEIPT_KOPECKS;

function checkLine(line: ReceiptLine, index: number): void {
  const where = `line ${index + 1}`;
  if (line.name.trim() === '' || line.name.length > MAX_LINE_NAME) throw new ReceiptRuleError(`${where}: name must be 1–${MAX_LINE_NAME} characters`);
  if (!positiveKopecks(line.priceKopecks)) throw new ReceiptRuleError(`${where}: price must be whole kopecks above zero, got ${line.priceKopecks}`);
  if (!(line.quantity > 0 && line.quantity <= MAX_QUANTITY) || quantityThousandths(line.quantity) === null) {
    throw new ReceiptRuleError(`${where}: quantity must be above zero, at most ${MAX_QUANTITY}, with at most 3 decimals, got ${line.quantity}`);
  }
  const sum = lineSumKopecks(line.priceKopecks, line.quantity);
  if (line.sumKopecks !== sum || !positiveKopecks(sum)) throw new ReceiptRuleError(`${where}: sum ${line.sumKopecks} is not price × quantity = ${sum}, or not above zero`);
  const vat = vatKopecks(line.sumKopecks, line.vat);
  if (line.vatKopecks !== vat) throw new ReceiptRuleError(`${where}: VAT ${line.vatKopecks} is not ${vat} for ${line.vat} of ${line.sumKopecks}`);
}

/** Throws a ReceiptRuleError naming the first broken invariant; returns the document otherwise. */
export function checkReceipt(document: ReceiptDocument): ReceiptDocument {
  const { lines, payments } = document;
  if (lines.length < 1 || lines.length > 100) throw new ReceiptRuleError(`a receipt has 1–100 lines, got ${lines.length}`);
  if (payments.length < 1 || payments.length > 10) throw new ReceiptRuleError(`a receipt has 1–10 payments, got ${payments.length}`);
  lines.forEach(checkLine);
  for (const payment of payments) {
    if (!positiveKopecks(payment.sumKopecks)) throw new ReceiptRuleError(`payment ${payment.kind}: sum must be whole kopecks above zero, got ${payment.sumKopecks}`);
  }
  // Offsetting a prepayment settles it: only a full-settlement sale can do that.
  if (payments.some((p) => p.kind === 'prepayment_offset') && (document.kind !== 'sale' || document.settlement !== 'full')) {
    throw new ReceiptRuleError('a prepayment offset belongs only on a full-settlement sale');
  }
  const linesTotal = lines.reduce((total, line) => total + line.sumKopecks, 0);
  const paid = payments.reduce((total, payment) => total + payment.sumKopecks, 0);
  if (!positiveKopecks(document.totalKopecks) || document.totalKopecks !== linesTotal || document.totalKopecks !== paid) {
    throw new ReceiptRuleError(`total ${document.totalKopecks} must equal the lines (${linesTotal}) and the payments (${paid}), above zero`);
  }
  const contact = 'email' in document.buyer ? document.buyer.email : document.buyer.phone;
  if (typeof contact !== 'string' || contact.trim() === '' || contact.length > MAX_CONTACT) {
    throw new ReceiptRuleError(`the buyer's email or phone is required (at most ${MAX_CONTACT} characters): the receipt is sent there`);
  }
  const { company } = document;
  if (!/^(\d{10}|\d{12})$/.test(company.inn)) throw new ReceiptRuleError('the seller INN must be 10 or 12 digits');
  if (company.email.trim() === '') throw new ReceiptRuleError("the seller's email is required on a receipt");
  if (!/^https?:\/\/\S+$/.test(company.paymentAddress)) throw new ReceiptRuleError('the place of settlement must be the site address (http or https URL)');
  if (document.reference.trim() === '' || document.reference.length > 256) throw new ReceiptRuleError('the reference must be 1–256 characters');
  return document;
}
