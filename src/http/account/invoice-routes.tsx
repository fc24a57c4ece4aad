import type { FastifyInstance } from 'fastify';
import { payInvoice } from '../../actions/invoices/pay-invoice.js';
import { findClientInvoice, latestAttemptForInvoice } from '../../db/queries/invoices.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { replyToPaymentStart } from '../views/payment-hand-off.js';
import { InvoicePage, invoiceView } from './invoice-page.js';
import { surchargeBankInvoice } from '../../db/queries/transfers.js';
import { bankInvoiceDocument } from '../../actions/transfers/bank-invoice-document.js';
import { vatLine } from '../../domain/transfers/bank-invoice.js';
import { invoiceNumber } from '../../domain/orders/order-number.js';

const INVOICE_REF = /^[\w-]{24}$/;
const contactOf = (company: { phone: string; email: string }) => ({ phone: company.phone, email: company.email });

/**
 * The client's surcharge invoices. Registered inside accountRoutes, so requireClient has run: every
 * lookup is scoped to the signed-in client, and another client's invoice is a 404.
 */
export async function invoiceRoutes(app: FastifyInstance) {
  const { deps } = app;
  const payLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  // The gateway's success and failure returns land here: the page says what our database says.
  app.get<{ Params: { ref: string } }>('/account/invoices/:ref', async (request, reply) => {
    const found = INVOICE_REF.test(request.params.ref) ? await findClientInvoice(deps.db, request.client!.id, request.params.ref) : undefined;
    if (!found) return sendErrorPage(reply, 404);
    const attempt = await latestAttemptForInvoice(deps.db, found.invoice.id);
    const view = invoiceView(found.invoice, attempt, deps.clock.now());
    const bank = await surchargeBankInvoice(deps.db, found.invoice.id);
    const bankInvoice = bank && { invoice: bank, vat: vatLine(deps.config.TAX_SYSTEM, bank.vat, bank.amountKopecks), pdfUrl: `/account/invoices/${found.invoice.publicRef}/bank-invoice.pdf` };
    return sendPage(
      reply,
      { title: `Счёт на доплату ${invoiceNumber(found.order.number, found.invoice.ordinal)}`, refreshSeconds: view === 'checking' ? 3 : undefined },
      <InvoicePage
        invoice={found.invoice}
        order={found.order}
        attempt={attempt}
        view={view}
        manager={{ name: found.managerName, ...contactOf(deps.content.current().company) }}
        csrfToken={reply.generateCsrf()}
        bankInvoice={bankInvoice}
      />,
    );
  });

  // A company's surcharge as a bank invoice (PDF), for the signed-in client only.
  app.get<{ Params: { ref: string } }>('/account/invoices/:ref/bank-invoice.pdf', async (request, reply) => {
    const found = INVOICE_REF.test(request.params.ref) ? await findClientInvoice(deps.db, request.client!.id, request.params.ref) : undefined;
    const bank = found && (await surchargeBankInvoice(deps.db, found.invoice.id));
    const document = found && bank ? await bankInvoiceDocument(deps, found.order, bank) : { kind: 'not_found' as const };
    switch (document.kind) {
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'no_bank_details':
        return sendErrorPage(reply, 503, 'Реквизиты для счёта ещё не заполнены. Напишите менеджеру, и мы пришлём счёт.');
      case 'pdf':
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${document.fileName}"`).send(document.pdf);
    }
  });

  app.post<{ Params: { ref: string } }>('/account/invoices/:ref/pay', { preHandler: app.csrfProtection, config: payLimit }, async (request, reply) => {
    const ref = request.params.ref;
    if (!INVOICE_REF.test(ref)) return sendErrorPage(reply, 404);
    // A company's surcharge is paid by its bank invoice, not by card: back to the invoice's page.
    const found = await findClientInvoice(deps.db, request.client!.id, ref);
    if (found && (await surchargeBankInvoice(deps.db, found.invoice.id))?.state === 'waiting') return reply.redirect(`/account/invoices/${ref}`, 303);
    return replyToPaymentStart(reply, await payInvoice(deps, { clientId: request.client!.id, invoiceRef: ref }), {
      url: `/account/invoices/${ref}`,
      payAction: `/account/invoices/${ref}/pay`,
      kept: 'Деньги не списаны, счёт можно оплатить позже.',
    });
  });
}
