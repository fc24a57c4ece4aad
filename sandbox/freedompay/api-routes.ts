import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorFields, requestFields, sendSigned, sendUnsignedError } from './api-request.js';
import { type SandboxContext, faultsFor } from './context.js';
import { ERR, type GatewayError, validationError } from './errors.js';
import { type Fields, getString } from './fields.js';
import { createPayment, redirectUrlOf } from './init-payment.js';
import { cancel, capture, refund, settle } from './lifecycle.js';
import { formatAmount, parseAmount } from './money.js';
import { verify } from './signature.js';
import { paymentStatusFields, refundStatusFields } from './status-answer.js';
import type { Payment } from './store.js';
import type { SandboxMerchant } from './types.js';

/** A verified call: the merchant is known and the signature is right. */
export interface ApiCall {
  merchant: SandboxMerchant;
  fields: Fields;
  script: string;
  /** The order the call is about, for per-order faults. */
  orderId: string | undefined;
}

/** Why a call was refused before reaching its endpoint; `merchant` is set when the answer can be signed. */
export type Refusal = { httpStatus: number } | { error: GatewayError; merchant?: SandboxMerchant; orderId?: string };

type Outcome = { fields: Fields; payment?: Payment } | { error: GatewayError; payment?: Payment };

/**
 * The steps every .php endpoint shares (docs/freedompay-protocol.md#sandbox-model): read the fields, apply the
 * order's apiStatus fault as a broken front end would (before anything else), identify the merchant (unsigned
 * 9998 if unknown), check pg_sig with the endpoint's script name (signed 1100).
 */
export async function authenticate(ctx: SandboxContext, request: FastifyRequest, script: string): Promise<ApiCall | Refusal> {
  const fields = await requestFields(request);
  if (!fields) return { error: { code: ERR.merchantUnknown.code, description: 'Не удалось разобрать запрос' } };
  const merchantId = getString(fields, 'pg_merchant_id') ?? '';
  const orderId = orderOfCall(ctx, merchantId, fields);
  const status = orderId ? ctx.faults.get(orderId)?.apiStatus : undefined;
  if (status !== undefined) return { httpStatus: status };
  const merchant = ctx.merchants.get(merchantId);
  if (!merchant) return { error: ERR.merchantUnknown };
  if (!verify(script, fields, merchant.secret)) return { error: ERR.badSignature, merchant, orderId };
  return { merchant, fields, script, orderId };
}

/** Answers a refused call the API way: a bare HTTP status, an unsigned 9998, or a signed error. */
export function sendRefusal(ctx: SandboxContext, reply: FastifyReply, script: string, refusal: Refusal): FastifyReply {
  if ('httpStatus' in refusal) return reply.code(refusal.httpStatus).type('text/plain; charset=utf-8').send(`Sandbox fault: HTTP ${refusal.httpStatus}`);
  if (!refusal.merchant) return sendUnsignedError(reply, refusal.error);
  return sendSigned(reply, script, refusal.merchant.secret, errorFields(refusal.error), orderCorrupt(ctx, refusal.orderId));
}

const orderCorrupt = (ctx: SandboxContext, orderId: string | undefined) => (orderId ? ctx.faults.get(orderId)?.corruptSignature === true : false);

/** The order a call is about, for per-order faults: by payment id when given, else by pg_order_id. */
function orderOfCall(ctx: SandboxContext, merchantId: string, fields: Fields): string | undefined {
  const paymentId = getString(fields, 'pg_payment_id');
  if (paymentId) {
    const payment = ctx.store.byId(paymentId) ?? ctx.store.refund(paymentId)?.parent;
    if (payment && payment.merchantId === merchantId) return payment.orderId || undefined;
  }
  return getString(fields, 'pg_order_id') || undefined;
}

/** A parent payment of this merchant by pg_payment_id, with time-driven changes applied. */
function ownPayment(ctx: SandboxContext, call: ApiCall): Payment | GatewayError {
  const id = getString(call.fields, 'pg_payment_id');
  if (!id) return validationError('pg_payment_id', 'обязательный параметр');
  const payment = ctx.store.byId(id);
  if (!payment || payment.merchantId !== call.merchant.id) return ERR.paymentNotFound;
  settle(payment, ctx.clock.now());
  return payment;
}

const isError = (value: Payment | GatewayError): value is GatewayError => 'code' in value;

/** An optional amount field: undefined when absent or empty; an error when not an amount. */
function optionalAmount(fields: Fields, name: string, zeroAllowed: boolean): number | undefined | GatewayError {
  const text = getString(fields, name);
  if (text === undefined || text === '') return undefined;
  const minor = parseAmount(text);
  if (minor === undefined || (!zeroAllowed && minor === 0)) return validationError(name, 'ожидается сумма: цифры, точка, не больше двух знаков после точки');
  return minor;
}

const ENDPOINTS: Record<string, (ctx: SandboxContext, call: ApiCall, request: FastifyRequest) => Outcome> = {
  'init_payment.php': (ctx, call, request) => {
    const created = createPayment(ctx, call.merchant, call.fields);
    if (!created.ok) return { error: created.error };
    return {
      payment: created.payment,
      fields: [
        ['pg_status', 'ok'],
        ['pg_payment_id', created.payment.id],
        ['pg_redirect_url', redirectUrlOf(baseUrl(ctx, request), created.payment)],
        ['pg_redirect_url_type', 'need data'],
      ],
    };
  },

  'get_status3.php': (ctx, call) => {
    // pg_payment_id wins; absent or 0 means "look up by order" (docs/freedompay-protocol.md#status).
    const id = getString(call.fields, 'pg_payment_id');
    const orderId = getString(call.fields, 'pg_order_id');
    if (id && id !== '0') {
      const found = ctx.store.refund(id);
      if (found && found.parent.merchantId === call.merchant.id) {
        return { payment: found.parent, fields: [['pg_status', 'ok'], ...refundStatusFields(found.parent, found.refund, ctx.timeZone)] };
      }
    } else if (!orderId) {
      return { error: validationError('pg_payment_id', 'обязательный параметр (или pg_order_id)') };
    }
    const payment = id && id !== '0' ? ownPayment(ctx, call) : ctx.store.latestByOrder(call.merchant.id, orderId ?? '') ?? ERR.paymentNotFound;
    if (isError(payment)) return { error: payment };
    settle(payment, ctx.clock.now());
    return { payment, fields: [['pg_status', 'ok'], ...paymentStatusFields(payment, ctx.timeZone)] };
  },

  'do_capture.php': (ctx, call) => {
    const payment = ownPayment(ctx, call);
    if (isError(payment)) return { error: payment };
    const amount = optionalAmount(call.fields, 'pg_clearing_amount', false);
    if (typeof amount === 'object') return { error: amount, payment };
    const result = capture(payment, amount, ctx.clock.now());
    if (!result.ok) return { error: result.error, payment };
    return {
      payment,
      fields: [
        ['pg_status', 'ok'],
        ['pg_amount', formatAmount(payment.amountMinor)],
        ['pg_clearing_amount', formatAmount(payment.clearingMinor)],
      ],
    };
  },

  'cancel.php': (ctx, call) => {
    const payment = ownPayment(ctx, call);
    if (isError(payment)) return { error: payment };
    const result = cancel(payment);
    return result.ok ? { payment, fields: [['pg_status', 'ok']] } : { error: result.error, payment };
  },

  'revoke.php': (ctx, call) => {
    const payment = ownPayment(ctx, call);
    if (isError(payment)) return { error: payment };
    // Absent, empty or 0 → refund the rest (docs/freedompay-protocol.md#capture-cancel-refund).
    const amount = optionalAmount(call.fields, 'pg_refund_amount', true);
    if (typeof amount === 'object') return { error: amount, payment };
    const result = refund(ctx.store, payment, amount, ctx.clock.now());
    if (!result.ok) return { error: result.error, payment };
    return {
      payment,
      fields: [
        ['pg_status', 'ok'],
        ['pg_payment_id', result.refund.id],
        ['pg_refund_amount', formatAmount(-result.refund.amountMinor)],
      ],
    };
  },
};

export function baseUrl(ctx: SandboxContext, request: FastifyRequest): string {
  return ctx.baseUrl() ?? `${request.protocol}://${request.host}`;
}

export async function apiRoutes(app: FastifyInstance, options: { ctx: SandboxContext }): Promise<void> {
  const { ctx } = options;
  for (const [script, endpoint] of Object.entries(ENDPOINTS)) {
    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const call = await authenticate(ctx, request, script);
      if (!('fields' in call)) return sendRefusal(ctx, reply, script, call);
      const outcome = endpoint(ctx, call, request);
      const corrupt = (outcome.payment ? faultsFor(ctx, outcome.payment).corruptSignature === true : false) || orderCorrupt(ctx, call.orderId);
      const fields = 'error' in outcome ? errorFields(outcome.error) : outcome.fields;
      return sendSigned(reply, script, call.merchant.secret, fields, corrupt);
    };
    app.get(`/${script}`, handler);
    app.post(`/${script}`, handler);
  }
}
