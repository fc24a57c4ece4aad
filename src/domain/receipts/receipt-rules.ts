import type { Buyer, MoneyEvent, Seller } from './money-event.js';
import type { Measure, ReceiptDocument, ReceiptKind, ReceiptLine, ReceiptPayment, Settlement, VatRate } from './receipt.js';
import { checkReceipt, lineSumKopecks, MAX_LINE_NAME, quantityThousandths, ReceiptRuleError } from './receipt-checks.js';
import { vatKopecks } from './vat.js';

// Which receipt a money event needs (docs/receipts.md#which-receipt-when): pure, from the facts passed in.
//
//   order paid by card           sale, prepayment 100 %, electronic
//   order completed              sale, full settlement, prepayment offset
//   surcharge paid (card | cash) sale, full settlement, electronic | cash, hour lines
//   money returned               sale refund, the settlement of the receipt returned, electronic

/** A title as a receipt line can hold it (tag 1030, at most 128 characters). */
function lineName(title: string): string {
  const name = title.trim();
  return name.length <= MAX_LINE_NAME ? name : `${name.slice(0, MAX_LINE_NAME - 1)}…`;
}

function line(title: string, priceKopecks: number, quantity: number, measure: Measure, vat: VatRate): ReceiptLine {
  if (!Number.isSafeInteger(priceKopecks) || priceKopecks <= 0) throw new ReceiptRuleError(`a price must be whole kopecks above zero, got ${priceKopecks}`);
  const sumKopecks = lineSumKopecks(priceKopecks, quantity);
  return { name: lineName(title), priceKopecks, quantity, measure, sumKopecks, vat, vatKopecks: vatKopecks(sumKopecks, vat) };
}

/**
 * A returned amount as a line: `quantity` units at amount / quantity when that divides into whole
 * kopecks giving back the amount exactly (hours of a surcharge returned in full), else one unit.
 */
function returnedLine(event: Extract<MoneyEvent, { kind: 'money_returned' }>): ReceiptLine {
  const { title, measure, vat, quantity } = event.line;
  const thousandths = quantity === undefined ? null : quantityThousandths(quantity);
  if (quantity !== undefined && quantity !== 1 && thousandths !== null && thousandths > 0) {
    const price = Math.round((event.amountKopecks * 1000) / thousandths);
    if (price > 0 && lineSumKopecks(price, quantity) === event.amountKopecks) return line(title, price, quantity, measure, vat);
  }
  return line(title, event.amountKopecks, 1, measure, vat);
}

function receipt(kind: ReceiptKind, settlement: Settlement, lines: ReceiptLine[], payment: ReceiptPayment['kind'], event: MoneyEvent, seller: Seller, buyer: Buyer): ReceiptDocument {
  const totalKopecks = lines.reduce((total, l) => total + l.sumKopecks, 0);
  return checkReceipt({
    kind,
    settlement,
    lines,
    payments: [{ kind: payment, sumKopecks: totalKopecks }],
    totalKopecks,
    buyer,
    company: { inn: seller.inn, email: seller.email, taxSystem: seller.taxSystem, paymentAddress: seller.paymentAddress },
    reference: event.reference,
  });
}

/**
 * The receipt a money event needs. Throws a ReceiptRuleError when the facts cannot make a valid
 * receipt (a zero or negative sum, a quantity finer than 3 decimals, a surcharge whose hours × rate
 * is not its amount, no buyer contact …): a bug to fix, not a receipt to register.
 */
export function receiptForEvent(event: MoneyEvent, seller: Seller, buyer: Buyer): ReceiptDocument {
  switch (event.kind) {
    case 'order_paid': {
      const { title, priceKopecks, vat } = event.service;
      return receipt('sale', 'prepayment_100', [line(title, priceKopecks, 1, 'piece', vat)], 'electronic', event, seller, buyer);
    }
    case 'order_completed': {
      const { title, priceKopecks, vat } = event.service;
      const offset = event.prepaidKopecks ?? priceKopecks;
      if (offset > priceKopecks) throw new ReceiptRuleError(`the prepayment to offset (${offset}) exceeds the price (${priceKopecks})`);
      return receipt('sale', 'full', [line(title, offset, 1, 'piece', vat)], 'prepayment_offset', event, seller, buyer);
    }
    case 'invoice_paid': {
      const { title, hours, hourlyRateKopecks, vat, amountKopecks } = event.hours;
      const hourLine = line(title, hourlyRateKopecks, hours, 'hour', vat);
      if (amountKopecks !== undefined && hourLine.sumKopecks !== amountKopecks) {
        throw new ReceiptRuleError(`${hours} h × ${hourlyRateKopecks} = ${hourLine.sumKopecks} kopecks, not the invoice's ${amountKopecks}`);
      }
      return receipt('sale', 'full', [hourLine], event.paidWith, event, seller, buyer);
    }
    case 'money_returned':
      return receipt('sale_refund', event.reverses, [returnedLine(event)], 'electronic', event, seller, buyer);
  }
}
