import { toGatewayAmount } from './amount.js';
import { fieldsOf, valueOf, type Fields } from './fields.js';
import type { GatewayPaymentStatus } from './events.js';
import { statusFromAnswer } from './messages.js';
import { signed } from './signature.js';
import { readSignedMessage, type MessageRule } from './signed-message.js';
import { parseXmlFields } from './xml.js';

export interface FreedomPaySettings {
  merchantId: string;
  secretKey: string;
  /** Base URL of the Merchant API, e.g. https://api.freedompay.kz (or the sandbox). */
  apiUrl: string;
  testingMode: boolean;
  lifetimeSeconds: number;
  /** One-step payment (true) or hold-then-capture (false). */
  autoClearing: boolean;
  language: 'ru' | 'en';
  timeoutMs: number;
}

/**
 * Why a call did not give a definite answer. `unknown` means the gateway may have acted (timeout,
 * network error, 5xx, unreadable or badly signed answer): reconcile with getStatus before retrying.
 */
export type CallFailure =
  | { ok: false; outcome: 'unknown'; reason: string }
  | { ok: false; outcome: 'refused'; code: string; description: string };

export type CallResult<T> = ({ ok: true } & T) | CallFailure;

export interface InitPaymentInput {
  attemptId: string;
  amountKopecks: number;
  description: string;
  resultUrl: string;
  checkUrl: string;
  successUrl: string;
  failureUrl: string;
}

export interface FreedomPayClient {
  initPayment(input: InitPaymentInput): Promise<CallResult<{ gatewayPaymentId: string; redirectUrl: string }>>;
  getStatus(ref: { gatewayPaymentId: string } | { attemptId: string }): Promise<CallResult<{ status: GatewayPaymentStatus }>>;
  capture(gatewayPaymentId: string, amountKopecks?: number): Promise<CallResult<object>>;
  cancel(gatewayPaymentId: string): Promise<CallResult<object>>;
  refund(gatewayPaymentId: string, amountKopecks?: number): Promise<CallResult<{ gatewayRefundId: string | null }>>;
}

// The fields our decisions read in each answer: refused (outcome unknown) when sent empty.
const anyAnswer: MessageRule = { required: ['pg_status'], decisive: ['pg_status', 'pg_payment_id'] };
const answerRules: Record<string, MessageRule> = {
  'init_payment.php': { required: ['pg_status'], decisive: ['pg_status', 'pg_payment_id', 'pg_redirect_url'] },
  'get_status3.php': {
    required: ['pg_status'],
    decisive: ['pg_status', 'pg_payment_id', 'pg_payment_status', 'pg_amount', 'pg_currency', 'pg_captured', 'pg_can_reject', 'pg_clearing_amount'],
  },
};

export function createFreedomPayClient(settings: FreedomPaySettings, fetchImpl: typeof fetch = fetch): FreedomPayClient {
  const merchant = { pg_merchant_id: settings.merchantId };

  async function call(script: string, fields: Fields): Promise<CallResult<{ fields: Fields }>> {
    const body = new URLSearchParams(signed(script, fields, settings.secretKey) as [string, string][]);
    let text: string;
    try {
      const response = await fetchImpl(`${settings.apiUrl.replace(/\/$/, '')}/${script}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      text = await response.text();
      if (!response.ok) return { ok: false, outcome: 'unknown', reason: `HTTP ${response.status}` };
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
      return { ok: false, outcome: 'unknown', reason };
    }
    let answer: Fields;
    try {
      answer = parseXmlFields(text, 'response');
    } catch {
      return { ok: false, outcome: 'unknown', reason: 'unreadable answer' };
    }
    const status = valueOf(answer, 'pg_status');
    const code = valueOf(answer, 'pg_error_code') ?? '';
    const description = valueOf(answer, 'pg_error_description') ?? '';
    // Unsigned errors come only when the gateway could not identify us (docs/freedompay-protocol.md#answers).
    if (status === 'error' && !valueOf(answer, 'pg_sig') && ['9998', '101'].includes(code)) {
      return { ok: false, outcome: 'refused', code, description: description || 'merchant not identified' };
    }
    const signedAnswer = readSignedMessage(script, answer, settings.secretKey, answerRules[script] ?? anyAnswer);
    if (!signedAnswer.ok) return { ok: false, outcome: 'unknown', reason: `answer refused: ${signedAnswer.reason}` };
    // From here on only what the signature covered is read.
    const signedFields = signedAnswer.fields;
    if (valueOf(signedFields, 'pg_status') !== 'ok') {
      return { ok: false, outcome: 'refused', code: valueOf(signedFields, 'pg_error_code') ?? '', description: valueOf(signedFields, 'pg_error_description') ?? '' };
    }
    return { ok: true, fields: signedFields };
  }

  return {
    async initPayment(input) {
      const result = await call(
        'init_payment.php',
        fieldsOf({
          ...merchant,
          pg_order_id: input.attemptId,
          // One key per attempt: a retry after a timeout returns the same payment, never a second one.
          pg_idempotency_key: input.attemptId,
          pg_amount: toGatewayAmount(input.amountKopecks),
          pg_currency: 'RUB',
          pg_description: input.description.slice(0, 255),
          pg_lifetime: String(settings.lifetimeSeconds),
          pg_auto_clearing: settings.autoClearing ? '1' : '0',
          pg_testing_mode: settings.testingMode ? '1' : '0',
          pg_language: settings.language,
          pg_request_method: 'POST',
          pg_result_url: input.resultUrl,
          pg_check_url: input.checkUrl,
          pg_success_url: input.successUrl,
          pg_failure_url: input.failureUrl,
          pg_success_url_method: 'GET',
          pg_failure_url_method: 'GET',
        }),
      );
      if (!result.ok) return result;
      const gatewayPaymentId = valueOf(result.fields, 'pg_payment_id');
      const redirectUrl = valueOf(result.fields, 'pg_redirect_url');
      if (!gatewayPaymentId || !redirectUrl) return { ok: false, outcome: 'unknown', reason: 'answer without payment id' };
      return { ok: true, gatewayPaymentId, redirectUrl };
    },

    async getStatus(ref) {
      const id = 'gatewayPaymentId' in ref ? { pg_payment_id: ref.gatewayPaymentId } : { pg_order_id: ref.attemptId };
      const result = await call('get_status3.php', fieldsOf({ ...merchant, ...id }));
      if (!result.ok) return result;
      if (!valueOf(result.fields, 'pg_payment_status')) return { ok: false, outcome: 'unknown', reason: 'answer without payment status' };
      return { ok: true, status: statusFromAnswer(result.fields) };
    },

    async capture(gatewayPaymentId, amountKopecks) {
      const amount = amountKopecks === undefined ? undefined : toGatewayAmount(amountKopecks);
      const result = await call('do_capture.php', fieldsOf({ ...merchant, pg_payment_id: gatewayPaymentId, pg_clearing_amount: amount }));
      return result.ok ? { ok: true } : result;
    },

    async cancel(gatewayPaymentId) {
      const result = await call('cancel.php', fieldsOf({ ...merchant, pg_payment_id: gatewayPaymentId }));
      return result.ok ? { ok: true } : result;
    },

    async refund(gatewayPaymentId, amountKopecks) {
      const amount = amountKopecks === undefined ? undefined : toGatewayAmount(amountKopecks);
      const result = await call('revoke.php', fieldsOf({ ...merchant, pg_payment_id: gatewayPaymentId, pg_refund_amount: amount }));
      if (!result.ok) return result;
      const refundId = valueOf(result.fields, 'pg_payment_id');
      return { ok: true, gatewayRefundId: refundId && refundId !== gatewayPaymentId ? refundId : null };
    },
  };
}
