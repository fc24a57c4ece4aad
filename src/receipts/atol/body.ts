import type { Measure, ReceiptDocument, ReceiptLine, ReceiptPayment, Settlement, TaxSystem } from '../../domain/receipts/receipt.js';
import { checkReceipt } from '../../domain/receipts/receipt-checks.js';
import { vatOnReceipt, type VatOnReceipt } from '../../domain/receipts/vat.js';
import { atolTimestamp } from './time.js';

// ReceiptDocument → the body of POST {base}/{group_code}/sell | sell_refund, service v5 / ФФД 1.2
// (docs/atol-protocol.md#receipt-body). The only place our vocabulary meets ATOL's field names.

export type AtolOperation = 'sell' | 'sell_refund';

export type AtolSno = 'osn' | 'usn_income' | 'usn_income_outcome' | 'esn' | 'patent';

export type AtolVatType = 'none' | 'vat0' | 'vat5' | 'vat7' | 'vat10' | 'vat22' | 'vat105' | 'vat107' | 'vat110' | 'vat122';

export interface AtolItem {
  name: string;
  price: number;
  quantity: number;
  measure: number;
  sum: number;
  payment_method: 'full_prepayment' | 'full_payment';
  payment_object: number;
  vat: { type: AtolVatType; sum?: number };
}

export interface AtolRequest {
  external_id: string;
  timestamp: string;
  service?: { callback_url: string };
  receipt: {
    client: { email: string } | { phone: string };
    company: { email: string; sno: AtolSno; inn: string; payment_address: string };
    items: AtolItem[];
    payments: { type: number; sum: number }[];
    vats?: { type: AtolVatType; sum: number }[];
    total: number;
    internet: true;
    additional_user_props: { name: string; value: string };
  };
}

/** Tag 1054: a sale is «приход», its return «возврат прихода». */
export const operationFor = (document: ReceiptDocument): AtolOperation => (document.kind === 'sale' ? 'sell' : 'sell_refund');

/** Tag 1055 (our names happen to be ATOL's; the table keeps it that way on purpose). */
const SNO: Record<TaxSystem, AtolSno> = { osn: 'osn', usn_income: 'usn_income', usn_income_outcome: 'usn_income_outcome', esn: 'esn', patent: 'patent' };
/** Tag 2108, v5 integers: 0 piece, 71 hour. */
const MEASURE: Record<Measure, number> = { piece: 0, hour: 71 };
/** Tag 1214. */
const PAYMENT_METHOD: Record<Settlement, AtolItem['payment_method']> = { prepayment_100: 'full_prepayment', full: 'full_payment' };
/** Tag 1212, v5 integer: 4 = service («услуга»). */
const SERVICE = 4;
/** payments[].type: 0 cash (1031), 1 electronic (1081), 2 prepayment offset (1215). */
const PAYMENT_TYPE: Record<ReceiptPayment['kind'], number> = { cash: 0, electronic: 1, prepayment_offset: 2 };
/** Tag 1199 as ATOL spells it. */
const VAT_TYPE: Record<VatOnReceipt, AtolVatType> = {
  none: 'none',
  vat0: 'vat0',
  vat5: 'vat5',
  vat7: 'vat7',
  vat10: 'vat10',
  vat22: 'vat22',
  vat5_105: 'vat105',
  vat7_107: 'vat107',
  vat10_110: 'vat110',
  vat22_122: 'vat122',
};
/** additional_user_props (tags 1084/1085/1086): our order number, printed on the receipt. */
const REFERENCE_NAME = 'Номер заказа';

/** Kopecks → roubles as a JSON number with at most 2 decimals (an integer / 100 prints exactly). */
const roubles = (kopecks: number) => kopecks / 100;

function item(line: ReceiptLine, settlement: Settlement): AtolItem {
  const type = VAT_TYPE[vatOnReceipt(line.vat, settlement)];
  return {
    name: line.name,
    price: roubles(line.priceKopecks),
    quantity: line.quantity,
    measure: MEASURE[line.measure],
    sum: roubles(line.sumKopecks),
    payment_method: PAYMENT_METHOD[settlement],
    payment_object: SERVICE,
    // «Без НДС» has no VAT sum; every other rate sends its sum (0 for 0 %).
    vat: type === 'none' ? { type } : { type, sum: roubles(line.vatKopecks) },
  };
}

/** Receipt-level VAT per rate shown (ATOL uses these over the items' when both are sent); none for «без НДС». */
function vats(document: ReceiptDocument): { type: AtolVatType; sum: number }[] {
  const byType = new Map<AtolVatType, number>();
  for (const line of document.lines) {
    const type = VAT_TYPE[vatOnReceipt(line.vat, document.settlement)];
    if (type !== 'none') byType.set(type, (byType.get(type) ?? 0) + line.vatKopecks);
  }
  return [...byType].map(([type, kopecks]) => ({ type, sum: roubles(kopecks) }));
}

/**
 * The request body. `at` is the moment of the money event, sent as the document's `timestamp`:
 * a resend of the same external id must pass the same `at` so that the body is the same.
 */
export function atolRequest(document: ReceiptDocument, externalId: string, options: { callbackUrl: string | null; at: Date }): AtolRequest {
  checkReceipt(document);
  const receiptVats = vats(document);
  return {
    external_id: externalId,
    timestamp: atolTimestamp(options.at),
    ...(options.callbackUrl ? { service: { callback_url: options.callbackUrl } } : {}),
    receipt: {
      client: 'email' in document.buyer ? { email: document.buyer.email } : { phone: document.buyer.phone },
      company: {
        email: document.company.email,
        sno: SNO[document.company.taxSystem],
        inn: document.company.inn,
        payment_address: document.company.paymentAddress,
      },
      items: document.lines.map((line) => item(line, document.settlement)),
      payments: document.payments.map((payment) => ({ type: PAYMENT_TYPE[payment.kind], sum: roubles(payment.sumKopecks) })),
      ...(receiptVats.length > 0 ? { vats: receiptVats } : {}),
      total: roubles(document.totalKopecks),
      internet: true,
      additional_user_props: { name: REFERENCE_NAME, value: document.reference },
    },
  };
}
