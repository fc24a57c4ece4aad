import type { Deps } from '../../app-deps.js';
import { findOrderByRef, type Order } from '../../db/queries/orders.js';
import { orderBankInvoice, payerOfOrder, type BankInvoice } from '../../db/queries/transfers.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { invoiceTitle, paymentPurpose, vatLine } from '../../domain/transfers/bank-invoice.js';

export type BankInvoiceDocument = { kind: 'pdf'; pdf: Buffer; fileName: string } | { kind: 'not_found' } | { kind: 'no_bank_details' };

/** The order's «Счёт на оплату» as a PDF, by the order page's unguessable address (as the page itself is). */
export async function orderBankInvoiceDocument(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'content'>, orderRef: string): Promise<BankInvoiceDocument> {
  const order = await findOrderByRef(deps.db, orderRef);
  const invoice = order && (await orderBankInvoice(deps.db, order.id));
  if (!order || !invoice) return { kind: 'not_found' };
  return bankInvoiceDocument(deps, order, invoice);
}

/**
 * Built afresh on each request from what is stored: the invoice's number, sum, VAT rate and date as
 * issued, the buyer as typed on the order form, the seller's details as they are now.
 */
export async function bankInvoiceDocument(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'content'>, order: Order, invoice: BankInvoice): Promise<BankInvoiceDocument> {
  const payer = await payerOfOrder(deps.db, order.id);
  const company = deps.content.current().company;
  if (!payer) return { kind: 'not_found' };
  if (!company.bank) return { kind: 'no_bank_details' };
  const vat = vatLine(deps.config.TAX_SYSTEM, invoice.vat, invoice.amountKopecks);
  // PDFKit and its fonts load on the first invoice asked for, not at start (decision 027).
  const { bankInvoicePdf } = await import('../../pdf/bank-invoice.js');
  const pdf = await bankInvoicePdf({
    title: invoiceTitle(invoice.number, invoice.issuedAt),
    seller: { name: company.name, inn: company.inn, kpp: company.kpp, address: company.address, bank: company.bank },
    buyer: { name: payer.companyName, inn: payer.inn, kpp: payer.kpp, address: payer.legalAddress },
    basis: `заказ ${orderNumber(order.number)}`,
    lines: [{ name: invoice.description, quantity: '1', unit: 'усл.', priceKopecks: invoice.amountKopecks, sumKopecks: invoice.amountKopecks }],
    totalKopecks: invoice.amountKopecks,
    vat,
    purpose: paymentPurpose(invoice.number, invoice.issuedAt, vat),
    generatedAt: deps.clock.now(),
  });
  return { kind: 'pdf', pdf, fileName: `schet-${invoice.number}.pdf` };
}
