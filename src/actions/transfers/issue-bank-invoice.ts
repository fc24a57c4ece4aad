import { orderNumber } from '../../domain/orders/order-number.js';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import { nextBankInvoiceNumber } from '../../db/queries/transfers.js';
import { bankInvoices } from '../../db/schema/index.js';
import type { VatRate } from '../../domain/receipts/receipt.js';
import { invoiceTitle, paymentPurpose, vatLine, vatWords } from '../../domain/transfers/bank-invoice.js';
import { queueEmail } from '../../email/queue-email.js';
import { bankInvoiceEmail } from '../../email/templates/bank-invoice.js';

export interface BankInvoiceToIssue {
  order: { id: string; number: number; publicRef: string; customerName: string; customerEmail: string; clientId: string | null };
  payerName: string;
  /** A surcharge's invoice (its id and public ref), or null for the order's own price. */
  surcharge: { id: string; publicRef: string } | null;
  amountKopecks: number;
  description: string;
  vat: VatRate;
}

/** Where the client downloads a bank invoice: the order page's address, or the surcharge's in the account. */
export function bankInvoicePaths(input: Pick<BankInvoiceToIssue, 'order' | 'surcharge'>): { page: string; pdf: string } {
  const page = input.surcharge ? `/account/invoices/${input.surcharge.publicRef}` : `/orders/${input.order.publicRef}`;
  return { page, pdf: `${page}/bank-invoice.pdf` };
}

/**
 * Numbers a bank invoice from the database's sequence and emails the client its link, in the caller's
 * transaction: an invoice exists if and only if its email is queued. (A rolled-back transaction leaves
 * a gap in the numbers, which is allowed: numbers only have to be unique and increasing.)
 */
export async function issueBankInvoice(deps: Pick<Deps, 'queue' | 'clock' | 'config' | 'content'>, tx: Tx, input: BankInvoiceToIssue): Promise<{ id: string; number: number }> {
  const now = deps.clock.now();
  const number = await nextBankInvoiceNumber(tx);
  const [row] = await tx
    .insert(bankInvoices)
    .values({
      number,
      orderId: input.order.id,
      invoiceId: input.surcharge?.id ?? null,
      amountKopecks: input.amountKopecks,
      description: input.description,
      vat: input.vat,
      issuedAt: now,
    })
    .returning({ id: bankInvoices.id });
  const vat = vatLine(deps.config.TAX_SYSTEM, input.vat, input.amountKopecks);
  const paths = bankInvoicePaths(input);
  const content = bankInvoiceEmail(
    {
      customerName: input.order.customerName,
      orderNumber: orderNumber(input.order.number),
      title: invoiceTitle(number, now),
      description: input.description,
      amountKopecks: input.amountKopecks,
      vat: vatWords(vat),
      payerName: input.payerName,
      purpose: paymentPurpose(number, now, vat),
      pdfUrl: `${deps.config.PUBLIC_URL}${paths.pdf}`,
      pageUrl: `${deps.config.PUBLIC_URL}${paths.page}`,
      surcharge: input.surcharge !== null,
    },
    deps.content.current(),
  );
  await queueEmail(deps, tx, { kind: 'bank_invoice', to: input.order.customerEmail, orderId: input.order.id, clientId: input.order.clientId, content });
  return { id: row!.id, number };
}
