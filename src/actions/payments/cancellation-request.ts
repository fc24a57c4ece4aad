import type { Deps } from '../../app-deps.js';
import { cardBrandName } from '../../domain/payments/card-brand.js';
import { needsCancellationRequest } from '../../domain/payments/cancel-or-refund.js';
import { operationWithAttempt } from '../../db/queries/payment-returns.js';
import { invoiceNumber, orderNumber } from '../../domain/orders/order-number.js';

/** The short number staff and the bank refer to: the refund's id, first eight characters, upper case. */
export const requestNumber = (operationId: string) => `В-${operationId.slice(0, 8).toUpperCase()}`;

/**
 * The bank's «Заявка на отмену операции» for a refund made after the payment's day close, built
 * afresh on each request from what is stored; null when the operation has none (a cancel, say).
 */
export async function cancellationRequest(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'gateway' | 'content'>,
  operationId: string,
): Promise<{ pdf: Buffer; fileName: string } | null> {
  const found = await operationWithAttempt(deps.db, operationId);
  if (!found?.attempt.paidAt || !found.attempt.gatewayPaymentId) return null;
  const { operation, attempt, order, invoiceOrdinal } = found;
  if (!needsCancellationRequest(attempt.paidAt!, operation)) return null;
  const company = deps.content.current().company;
  const number = requestNumber(operation.id);
  // PDFKit and its fonts load on the first form asked for, not at start (decision 027).
  const { cancellationRequestPdf } = await import('../../pdf/cancellation-request.js');
  const pdf = await cancellationRequestPdf({
    merchant: { name: company.name, inn: company.inn, ogrn: company.ogrn, address: company.address, gatewayMerchantId: deps.gateway.settings.merchantId },
    number,
    requestedAt: operation.createdAt,
    payment: {
      paidAt: attempt.paidAt!,
      amountKopecks: attempt.amountKopecks,
      gatewayPaymentId: attempt.gatewayPaymentId!,
      gatewayOrderId: attempt.id,
      card: attempt.cardLast4 ? { brand: attempt.cardBrand && cardBrandName(attempt.cardBrand), last4: attempt.cardLast4 } : null,
      // The number, not the public reference: the reference opens the order's page, and this form goes to the bank.
      orderRef: orderNumber(order.number),
      description: invoiceOrdinal !== null ? `Доплата ${invoiceNumber(order.number, invoiceOrdinal)}: ${order.serviceTitle}` : order.serviceTitle,
    },
    refund: { amountKopecks: operation.amountKopecks, reason: operation.reason ?? '—', gatewayRefundId: operation.gatewayRefundId },
    generatedAt: deps.clock.now(),
  });
  return { pdf, fileName: `zayavka-na-otmenu-${operation.id.slice(0, 8)}.pdf` };
}
