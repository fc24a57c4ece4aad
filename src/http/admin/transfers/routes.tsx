import type { FastifyInstance, FastifyReply } from 'fastify';
import { importBankStatement, STATEMENT_MAX_BYTES, type StatementLineOutcome } from '../../../actions/transfers/import-bank-statement.js';
import { markTransferReceived } from '../../../actions/transfers/mark-transfer-received.js';
import { withdrawTransferOrder } from '../../../actions/transfers/withdraw-transfer-order.js';
import { productionRules } from '../../../config.js';
import { findBankStatement, findWaitingBankInvoice, recentTransfers, waitingBankInvoices } from '../../../db/queries/transfers.js';
import { paymentPurpose, vatLine } from '../../../domain/transfers/bank-invoice.js';
import { encodeWindows1251, sampleStatementText } from '../../../domain/transfers/sample-statement.js';
import { sendErrorPage } from '../../views/error-page.js';
import { parseStatementForm, statementOf } from './statement-upload.js';
import { sendAdminPage } from '../views/admin-page.js';
import { MarkTransferPage } from './mark-transfer-page.js';
import { StatementResultPage } from './statement-result-page.js';
import { TransfersPage } from './transfers-page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type ById = { Params: { id: string } };
type Form = { Body: Record<string, unknown> | undefined };

const notices: Record<string, string> = {
  recorded: 'Оплата учтена: заказ оплачен, клиенту ушли письма.',
  withdrawn: 'Заказ отменён, счёт больше не действителен.',
};

/** /admin/transfers: companies' bank invoices, transfers recorded by hand or from the bank statement (docs/payments.md#bank-transfers). */
export async function transfersArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'transfers.manage' } as const;
  const post = { preHandler: app.csrfProtection, config };
  // The sample statement is a development aid: a real shop never offers it (config.ts productionRules).
  const sampleStatement = !productionRules(deps.config);

  // The statement form is multipart (a file); its parser lives in this area only, as the catalog's does.
  const bodyLimit = STATEMENT_MAX_BYTES + 64 * 1024;
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, parseStatementForm);

  app.get<{ Querystring: { done?: string } }>('/admin/transfers', { config }, async (request, reply) =>
    sendList(reply, { notice: typeof request.query.done === 'string' ? notices[request.query.done] : undefined }),
  );

  app.post<Form>('/admin/transfers/statement', { ...post, bodyLimit }, async (request, reply) => {
    const { bytes, fileName } = statementOf(request.body ?? {});
    const result = await importBankStatement(deps, { bytes, fileName, staffId: request.staff!.id, ip: request.ip });
    switch (result.kind) {
      case 'imported':
        return reply.redirect(`/admin/transfers/statements/${result.statementId}`, 303);
      case 'invalid':
        return sendList(reply, { statementError: result.error, status: 422 });
      case 'no_bank_details':
        return sendList(reply, { statementError: 'Сначала заполните расчётный счёт компании в «Тексты и реквизиты»: по нему выписка сверяется.', status: 409 });
    }
  });

  app.get<ById>('/admin/transfers/statements/:id', { config }, async (request, reply) => {
    const upload = UUID.test(request.params.id) ? await findBankStatement(deps.db, request.params.id) : undefined;
    if (!upload) return sendErrorPage(reply, 404);
    return sendAdminPage(
      reply,
      { title: 'Сверка выписки' },
      <StatementResultPage fileName={upload.fileName} uploadedAt={upload.uploadedAt} lines={upload.outcome as StatementLineOutcome[]} />,
    );
  });

  app.get('/admin/transfers/sample-statement.txt', { config }, async (_request, reply) => {
    const bank = deps.content.current().company.bank;
    if (!sampleStatement || !bank) return sendErrorPage(reply, 404);
    const company = deps.content.current().company;
    const waiting = await waitingBankInvoices(deps.db);
    const text = sampleStatementText(
      { name: company.name, inn: company.inn, kpp: company.kpp, settlementAccount: bank.settlementAccount, bik: bank.bik },
      waiting.map(({ invoice, payer }) => ({
        number: invoice.number,
        amountKopecks: invoice.amountKopecks,
        issuedAt: invoice.issuedAt,
        payer: { companyName: payer.companyName, inn: payer.inn, kpp: payer.kpp },
        purpose: paymentPurpose(invoice.number, invoice.issuedAt, vatLine(deps.config.TAX_SYSTEM, invoice.vat, invoice.amountKopecks)),
      })),
      deps.clock.now(),
    );
    return reply
      .type('text/plain; charset=windows-1251')
      .header('content-disposition', 'attachment; filename="kl_to_1c.txt"')
      .send(Buffer.from(encodeWindows1251(text)));
  });

  app.get<ById>('/admin/transfers/:id', { config }, async (request, reply) => {
    const waiting = UUID.test(request.params.id) ? await findWaitingBankInvoice(deps.db, request.params.id) : undefined;
    if (!waiting) return sendErrorPage(reply, 404, 'Такого неоплаченного счёта нет: возможно, оплата уже учтена.');
    return sendAdminPage(reply, { title: 'Отметить оплату по счёту' }, <MarkTransferPage waiting={waiting} csrfToken={reply.generateCsrf()} />);
  });

  app.post<ById & Form>('/admin/transfers/:id', post, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await markTransferReceived(deps, { bankInvoiceId: request.params.id, staffId: request.staff!.id, body: request.body ?? {}, ip: request.ip });
    switch (result.kind) {
      case 'recorded':
        return reply.redirect(`/admin/transfers?done=recorded`, 303);
      case 'not_waiting':
        return sendErrorPage(reply, 409, 'Этот счёт уже оплачен или отменён: ничего не изменилось.');
      case 'invalid':
        return sendAdminPage(
          reply,
          { title: 'Отметить оплату по счёту', status: 422 },
          <MarkTransferPage waiting={result.waiting} values={result.values} errors={result.errors} csrfToken={reply.generateCsrf()} />,
        );
    }
  });

  app.post<ById>('/admin/transfers/orders/:id/withdraw', post, async (request, reply) => {
    if (!UUID.test(request.params.id)) return sendErrorPage(reply, 404);
    const result = await withdrawTransferOrder(deps, { orderId: request.params.id, staffId: request.staff!.id, ip: request.ip, reason: 'отменён сотрудником: оплата по счёту не поступила' });
    switch (result.kind) {
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'not_waiting':
        return sendErrorPage(reply, 409, 'Отменить так можно только заказ, который ждёт оплаты по счёту.');
      case 'withdrawn':
        return reply.redirect(`/admin/orders/${request.params.id}`, 303);
    }
  });

  async function sendList(reply: FastifyReply, options: { notice?: string; statementError?: string; status?: number }) {
    const [waiting, recent] = await Promise.all([waitingBankInvoices(deps.db), recentTransfers(deps.db)]);
    return sendAdminPage(
      reply,
      { title: 'Оплаты по счетам', status: options.status },
      <TransfersPage waiting={waiting} recent={recent} csrfToken={reply.generateCsrf()} statementError={options.statementError} notice={options.notice} sampleStatement={sampleStatement} />,
    );
  }
}
