// The provider-neutral vocabulary of 54-FZ cash receipts (docs/receipts.md), like GatewayEvent is for
// payments: what a receipt says, in our words and kopecks. A register adapter (src/receipts/atol/)
// turns it into its own fields; no register's field name appears outside its adapter.

/** Sale («приход») or the return of a sale («возврат прихода»). */
export type ReceiptKind = 'sale' | 'sale_refund';

/**
 * The settlement sign (tag 1214): the whole price paid before the service is rendered, or the full
 * settlement when it is rendered (offsetting the prepayment, or paid on the spot for extra hours).
 */
export type Settlement = 'prepayment_100' | 'full';

/** VAT rate of a service (catalog setting). Prepayment receipts use the calculated rate (22/122…). */
export type VatRate = 'none' | 'vat0' | 'vat5' | 'vat7' | 'vat10' | 'vat22';

/** The company's tax system (setting TAX_SYSTEM, tag 1055). */
export type TaxSystem = 'osn' | 'usn_income' | 'usn_income_outcome' | 'esn' | 'patent';

/** What a line measures (tag 2108). */
export type Measure = 'piece' | 'hour';

export interface ReceiptLine {
  /** The service's title as the buyer saw it (at most 128 characters on the receipt). */
  name: string;
  priceKopecks: number;
  /** Up to 3 decimals (hours can be 7.5). */
  quantity: number;
  measure: Measure;
  /** price × quantity, rounded to kopecks. */
  sumKopecks: number;
  /** The nominal rate; the adapter shows the calculated one on prepayment receipts (vatOnReceipt). */
  vat: VatRate;
  /** VAT of this line in kopecks, computed from the VAT-inclusive sum with the rate shown. */
  vatKopecks: number;
}

/** How the money of the receipt was paid (tags 1081 / 1215 / 1031). */
export interface ReceiptPayment {
  kind: 'electronic' | 'prepayment_offset' | 'cash';
  sumKopecks: number;
}

/** A receipt to register: everything the register needs, nothing about how it is sent. */
export interface ReceiptDocument {
  kind: ReceiptKind;
  settlement: Settlement;
  lines: ReceiptLine[];
  payments: ReceiptPayment[];
  totalKopecks: number;
  /** The buyer's email or phone (tag 1008): the register's OFD sends the receipt there. */
  buyer: { email: string } | { phone: string };
  company: { inn: string; email: string; taxSystem: TaxSystem; paymentAddress: string };
  /** Shown on the receipt (additional user property): our order or invoice number. */
  reference: string;
}

/** Where a registered receipt stands at the register. */
export type ReceiptState = 'queued' | 'sent' | 'wait' | 'done' | 'fail';

/** The fiscal attributes of a receipt the register made (the proof to keep). */
export interface FiscalAttributes {
  fiscalReceiptNumber: number;
  shiftNumber: number;
  fnNumber: string;
  fiscalDocumentNumber: number;
  fiscalDocumentAttribute: number;
  registeredAt: Date;
  ofdReceiptUrl: string | null;
  totalKopecks: number;
}
