import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { parseRoubles } from '../../domain/money.js';
import { hoursSummary, mayInvoice } from '../../domain/invoices/extra-hours.js';
import { proposeSurcharge, surchargeRefusal, surchargeRefusalText, type SurchargeProposal } from '../../domain/invoices/surcharge.js';
import type { Queryable } from '../../db/client.js';
import { audit } from '../../db/queries/audit.js';
import { invoiceRecipient, nextInvoiceOrdinal, surchargeBasis, type SurchargeBasis } from '../../db/queries/invoices.js';
import type { StaffMember } from '../../db/queries/staff.js';
import { invoices, orders } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { surchargeInvoiceEmail } from '../../email/templates/surcharge-invoice.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';
import { invoicePageUrl } from './notify-invoice-paid.js';
import { payerOfOrder } from '../../db/queries/transfers.js';
import { formatDuration } from '../../domain/invoices/surcharge.js';
import { issueBankInvoice } from '../transfers/issue-bank-invoice.js';

export type SurchargeOffer =
  | { kind: 'offer'; basis: SurchargeBasis & { includedHours: number; hourlyRateKopecks: number }; proposal: SurchargeProposal }
  | { kind: 'refused'; basis: SurchargeBasis; message: string }
  | { kind: 'not_found' };

/**
 * What the system proposes to charge an order for its extra hours now, or why it cannot. Only hours
 * the client agreed to are charged (domain/invoices/extra-hours.ts): the specification's and those
 * approved in the account.
 */
export async function surchargeOffer(db: Queryable, orderId: string): Promise<SurchargeOffer> {
  const basis = await surchargeBasis(db, orderId);
  if (!basis) return { kind: 'not_found' };
  const { includedHours, hourlyRateKopecks } = basis;
  const picture = { includedMinutes: (includedHours ?? 0) * 60, workedMinutes: basis.workedMinutes, invoicedMinutes: basis.invoicedMinutes, ...basis.agreement };
  const agreedWorked = Math.min(basis.workedMinutes, hoursSummary(picture).agreedMinutes);
  const approval = mayInvoice(picture);
  const proposal =
    includedHours !== null && hourlyRateKopecks !== null
      ? proposeSurcharge({ workedMinutes: agreedWorked, includedHours, hourlyRateKopecks, invoicedMinutes: basis.invoicedMinutes })
      : { extraMinutes: 0, amountKopecks: 0 };
  const refusal = surchargeRefusal({
    billing: basis.billing,
    orderState: basis.order.state,
    hasOpenInvoice: basis.hasOpenInvoice,
    extraMinutes: proposal.extraMinutes,
    unagreed: approval.ok || approval.reason === 'nothing_to_pay' ? undefined : approval.reason,
  });
  if (refusal || includedHours === null || hourlyRateKopecks === null) {
    return { kind: 'refused', basis, message: surchargeRefusalText[refusal ?? 'not_hourly'] };
  }
  // A rate so low that the extra minutes cost less than a kopeck: there is nothing to invoice.
  if (proposal.amountKopecks === 0) return { kind: 'refused', basis, message: surchargeRefusalText.not_over };
  return { kind: 'offer', basis: { ...basis, includedHours, hourlyRateKopecks }, proposal };
}

export interface InvoiceFormValues {
  amount: string;
  reason: string;
}
export type InvoiceFormErrors = Partial<Record<keyof InvoiceFormValues | 'form', string>>;

export type IssueInvoiceResult =
  | { kind: 'issued'; invoiceId: string }
  | { kind: 'invalid'; offer: Extract<SurchargeOffer, { kind: 'offer' }>; values: InvoiceFormValues; errors: InvoiceFormErrors }
  | Exclude<SurchargeOffer, { kind: 'offer' }>;

export interface IssueInvoiceInput {
  orderId: string;
  staff: StaffMember;
  body: Record<string, unknown>;
  ip: string;
}

const REASON_MAX = 1000;
const field = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Issues the surcharge invoice (open, with an unguessable public reference), audits it and emails the
 * client «Счёт на доплату» with the pay link, all in one transaction. The order row is locked, so two
 * managers issuing at once get one invoice and one refusal.
 */
export async function issueInvoice(deps: Pick<Deps, 'db' | 'clock' | 'queue' | 'config' | 'content'>, input: IssueInvoiceInput): Promise<IssueInvoiceResult> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId)).for('update');
    const offer = await surchargeOffer(tx, input.orderId);
    if (offer.kind !== 'offer') return offer;

    const values = { amount: field(input.body.amount), reason: field(input.body.reason) };
    const errors: InvoiceFormErrors = {};
    const amount = parseRoubles(values.amount);
    if (!amount.ok) errors.amount = amount.error;
    const edited = amount.ok && amount.kopecks !== offer.proposal.amountKopecks;
    if (edited && values.reason === '') errors.reason = 'Сумма отличается от расчётной: напишите клиенту, почему.';
    if (values.reason.length > REASON_MAX) errors.reason = `Не больше ${REASON_MAX} символов.`;
    if (!amount.ok || errors.reason) return { kind: 'invalid', offer, values, errors };

    const { basis, proposal } = offer;
    const publicRef = randomBytes(18).toString('base64url'); // 144 bits, like orders.public_ref
    const ordinal = await nextInvoiceOrdinal(tx, basis.order.id);
    const [invoice] = await tx
      .insert(invoices)
      .values({
        publicRef,
        orderId: basis.order.id,
        ordinal,
        extraMinutes: proposal.extraMinutes,
        hourlyRateKopecks: basis.hourlyRateKopecks,
        proposedKopecks: proposal.amountKopecks,
        amountKopecks: amount.kopecks,
        amountReason: values.reason || null,
        createdBy: input.staff.id,
        createdAt: now,
      })
      .returning();
    await audit(tx, {
      staffId: input.staff.id,
      action: 'invoice.issued',
      entity: 'invoice',
      entityId: invoice!.id,
      details: { orderId: basis.order.id, number: invoiceNumber(basis.order.number, ordinal), extraMinutes: proposal.extraMinutes, proposedKopecks: proposal.amountKopecks, amountKopecks: amount.kopecks, reason: values.reason || null },
      ip: input.ip,
      at: now,
    });
    const to = await invoiceRecipient(tx, basis.order);
    // A company pays its surcharge by bank transfer too: the same numbered bank invoice instead of the card link.
    const payer = await payerOfOrder(tx, basis.order.id);
    if (payer) {
      await issueBankInvoice(deps, tx, {
        order: { ...basis.order, customerName: to.name, customerEmail: to.email, clientId: to.clientId },
        payerName: payer.companyName,
        surcharge: { id: invoice!.id, publicRef },
        amountKopecks: amount.kopecks,
        description: `Дополнительные часы по заказу «${basis.order.serviceTitle}»: ${formatDuration(proposal.extraMinutes)}`,
        vat: basis.order.vat,
      });
      return { kind: 'issued', invoiceId: invoice!.id };
    }
    const content = surchargeInvoiceEmail(
      {
        customerName: to.name,
        serviceTitle: basis.order.serviceTitle,
        orderNumber: orderNumber(basis.order.number),
        invoiceNumber: invoiceNumber(basis.order.number, ordinal),
        workedMinutes: basis.workedMinutes,
        includedHours: basis.includedHours,
        invoicedMinutes: basis.invoicedMinutes,
        extraMinutes: proposal.extraMinutes,
        hourlyRateKopecks: basis.hourlyRateKopecks,
        proposedKopecks: proposal.amountKopecks,
        amountKopecks: amount.kopecks,
        reason: values.reason || null,
        invoiceUrl: invoicePageUrl(deps.config.PUBLIC_URL, publicRef),
      },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'surcharge_invoice', to: to.email, orderId: basis.order.id, clientId: to.clientId, content });
    return { kind: 'issued', invoiceId: invoice!.id };
  });
}
