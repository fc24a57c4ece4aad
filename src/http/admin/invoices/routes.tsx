import type { FastifyInstance, FastifyReply } from 'fastify';
import { issueInvoice, surchargeOffer } from '../../../actions/invoices/issue-invoice.js';
import { markInvoicePaid, type MarkPaidErrors, type MarkPaidValues } from '../../../actions/invoices/mark-invoice-paid.js';
import { voidInvoice } from '../../../actions/invoices/void-invoice.js';
import { roublesForInput } from '../../../domain/money.js';
import { allows } from '../../../domain/staff/staff-access.js';
import { findInvoice } from '../../../db/queries/invoices.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { InvoicePage } from './invoice-page.js';
import { InvoiceRefusedPage, NewInvoicePage } from './new-invoice-page.js';
import { invoiceNumber } from '../../../domain/orders/order-number.js';

type Form = { Params: { id: string }; Body: Record<string, unknown> | undefined };
type ById = { Params: { id: string }; Querystring: { done?: string } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notices: Record<string, string> = {
  issued: 'Счёт выставлен, клиенту отправлено письмо со ссылкой на оплату.',
  marked: 'Счёт отмечен оплаченным, клиенту отправлено письмо «Доплата получена».',
  voided: 'Счёт отменён.',
};
const notOpen = 'Счёт уже не ожидает оплаты: его оплатили или отменили. Обновите страницу.';

/** Extra-hours surcharge invoices: issue one for an order, mark it paid by other means, void it. */
export async function invoicesArea(app: FastifyInstance) {
  const { deps } = app;

  app.get<{ Params: { id: string } }>('/admin/orders/:id/invoices/new', { config: { staff: 'orders.work' } }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const offer = await surchargeOffer(deps.db, request.params.id);
    if (offer.kind === 'not_found') return sendErrorPage(reply, 404);
    if (offer.kind === 'refused') return sendRefusal(reply, request.params.id, offer.message, 200);
    const values = { amount: roublesForInput(offer.proposal.amountKopecks), reason: '' };
    return sendAdminPage(reply, { title: 'Счёт на доплату' }, <NewInvoicePage offer={offer} values={values} errors={{}} csrfToken={reply.generateCsrf()} />);
  });

  app.post<Form>('/admin/orders/:id/invoices', { config: { staff: 'orders.work' }, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await issueInvoice(deps, { orderId: request.params.id, staff: request.staff!, body: request.body ?? {}, ip: request.ip });
    switch (result.kind) {
      case 'issued':
        return reply.redirect(`/admin/invoices/${result.invoiceId}?done=issued`, 303);
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'refused':
        return sendRefusal(reply, request.params.id, result.message, 409);
      case 'invalid':
        return sendAdminPage(
          reply,
          { title: 'Счёт на доплату', status: 422 },
          <NewInvoicePage offer={result.offer} values={result.values} errors={result.errors} csrfToken={reply.generateCsrf()} />,
        );
    }
  });

  app.get<ById>('/admin/invoices/:id', { config: { staff: 'orders.view' } }, async (request, reply) => {
    const done = request.query.done;
    return sendInvoice(reply, request.params.id, { notice: done ? notices[done] : undefined });
  });

  app.post<Form>('/admin/invoices/:id/mark-paid', { config: { staff: 'invoices.mark_paid' }, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await markInvoicePaid(deps, { invoiceId: request.params.id, staff: request.staff!, body: request.body ?? {}, ip: request.ip });
    switch (result.kind) {
      case 'marked':
        return reply.redirect(`/admin/invoices/${request.params.id}?done=marked`, 303);
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'not_open':
        return sendErrorPage(reply, 409, notOpen);
      case 'invalid':
        return sendInvoice(reply, request.params.id, { markPaid: result }, 422);
    }
  });

  app.post<Form>('/admin/invoices/:id/void', { config: { staff: 'orders.work' }, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await voidInvoice(deps, { invoiceId: request.params.id, staff: request.staff!, body: request.body ?? {}, ip: request.ip });
    switch (result.kind) {
      case 'voided':
        return reply.redirect(`/admin/invoices/${request.params.id}?done=voided`, 303);
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'not_open':
        return sendErrorPage(reply, 409, notOpen);
      case 'invalid':
        return sendInvoice(reply, request.params.id, { voiding: result }, 422);
    }
  });

  function sendRefusal(reply: FastifyReply, orderId: string, message: string, status: number) {
    return sendAdminPage(reply, { title: 'Счёт на доплату', status }, <InvoiceRefusedPage orderId={orderId} message={message} />);
  }

  async function sendInvoice(
    reply: FastifyReply,
    invoiceId: string,
    form: {
      notice?: string;
      markPaid?: { values: Partial<MarkPaidValues>; errors: MarkPaidErrors };
      voiding?: { values: { reason?: string }; errors: { reason?: string } };
    },
    status = 200,
  ) {
    const item = UUID.test(invoiceId) ? await findInvoice(deps.db, invoiceId) : undefined;
    if (!item) return sendErrorPage(reply, 404);
    const role = reply.request.staff!.role;
    return sendAdminPage(
      reply,
      { title: `Счёт на доплату ${invoiceNumber(item.order.number, item.invoice.ordinal)}`, status },
      <InvoicePage
        item={item}
        canMarkPaid={allows(role, 'invoices.mark_paid')}
        canVoid={allows(role, 'orders.work')}
        notice={form.notice}
        markPaid={form.markPaid ?? { values: {}, errors: {} }}
        voiding={form.voiding ?? { values: {}, errors: {} }}
        csrfToken={reply.generateCsrf()}
      />,
    );
  }
}
