import { type SandboxContext, faultsFor, merchantOf } from './context.js';
import { type Field, fieldsFromQuery, toPairs, toQuery } from './fields.js';
import { scriptNameOf, signed } from './signature.js';
import type { Payment } from './store.js';

/** Where the payer's browser goes after the payment, and with what (docs/freedompay-protocol.md#browser-return). */
export interface BrowserReturn {
  success: boolean;
  method: 'GET' | 'POST';
  /** For GET the full URL with the signed query; for POST the form's action. */
  url: string;
  /** Every field the merchant receives (for GET, the same as the query). */
  fields: [string, string][];
}

/**
 * Success URL for a successful payment, failure URL otherwise (declined, refused by the merchant, expired,
 * cancelled). Signed with the last path segment of that URL — an inference
 * (docs/freedompay-protocol.md#script-name, unverified upstream). Undefined when the merchant gave no URL: the
 * sandbox shows its own page.
 */
export function browserReturn(ctx: SandboxContext, payment: Payment): BrowserReturn | undefined {
  const success = payment.status === 'success';
  const target = success ? payment.successUrl : payment.failureUrl;
  if (!target) return undefined;
  const method = success ? payment.successMethod : payment.failureMethod;
  const url = new URL(target);
  const ours: Field[] = [
    ['pg_order_id', payment.orderId],
    ['pg_payment_id', payment.id],
    ...payment.custom,
    ...(success || !payment.failure
      ? []
      : ([
          ['pg_failure_code', payment.failure.code],
          ['pg_failure_description', payment.failure.description],
        ] as const)),
  ];
  // For GET the URL's own query parameters arrive with ours, so they are signed too
  // (docs/freedompay-protocol.md#signature-edge-cases).
  const all = method === 'GET' ? [...fieldsFromQuery(url.search), ...ours] : ours;
  const message = signed(scriptNameOf(target), all, merchantOf(ctx, payment).secret, { corrupt: faultsFor(ctx, payment).corruptSignature === true });
  if (method === 'GET') url.search = toQuery(message);
  return { success, method, url: url.toString(), fields: toPairs(message) };
}
