import type { Measure, ReceiptDocument, TaxSystem, VatRate } from './receipt.js';

// The money events that need a cash receipt (docs/receipts.md), as the receipt rules see them: only
// the facts a receipt is made of. Actions read them from the database and pass them in.

/** A service as sold: its snapshot on the order, with the VAT rate it had when paid. */
export interface SoldService {
  title: string;
  priceKopecks: number;
  vat: VatRate;
}

/** Extra hours of a surcharge invoice. */
export interface ExtraHours {
  title: string;
  hours: number;
  hourlyRateKopecks: number;
  vat: VatRate;
}

export type MoneyEvent =
  /** The order's price paid by card: a prepayment (the service is not rendered yet). */
  | { kind: 'order_paid'; reference: string; service: SoldService }
  /** The work is done: the full settlement for the price, offsetting the prepayment. */
  | { kind: 'order_completed'; reference: string; service: SoldService }
  /** A surcharge for extra hours, paid after the work by card (electronic) or in cash through the register. */
  | { kind: 'invoice_paid'; reference: string; hours: ExtraHours; paidWith: 'electronic' | 'cash' }
  /**
   * Money given back for an order or a surcharge (cancel or refund, full or partial). `reverses` is
   * the settlement sign of the receipt it returns: the prepayment before completion, full after.
   */
  | { kind: 'money_returned'; reference: string; amountKopecks: number; reverses: 'prepayment_100' | 'full'; line: { title: string; measure: Measure; vat: VatRate } };

/** The seller's side of every receipt (settings: COMPANY_INN, COMPANY_EMAIL, TAX_SYSTEM, PUBLIC_URL). */
export interface Seller {
  inn: string;
  email: string;
  taxSystem: TaxSystem;
  paymentAddress: string;
}

export type Buyer = ReceiptDocument['buyer'];
