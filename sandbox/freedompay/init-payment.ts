import { z } from 'zod';
import type { SandboxContext } from './context.js';
import { type GatewayError, validationError } from './errors.js';
import type { Fields } from './fields.js';
import type { OpResult } from './lifecycle.js';
import { MAX_AMOUNT, MIN_AMOUNT, parseAmount } from './money.js';
import type { Payment, ReturnMethod } from './store.js';
import type { SandboxMerchant } from './types.js';

/**
 * init_payment.php / payment.php: checking the request (docs/freedompay-protocol.md#creating-a-payment) and
 * creating the payment. Messages name the field, so a client developer sees at once what the gateway did not
 * like.
 */

const CURRENCIES = ['KZT', 'RUB', 'USD', 'EUR', 'KGS', 'UZS'] as const;
/** Fields that may legitimately be nested; any other pg_ field must be a plain value. */
const NESTED_ALLOWED = new Set(['pg_receipt_positions', 'pg_template_params']);

const required = z.string({ error: 'обязательный параметр' });
const httpUrl = z
  .string()
  .max(255, { error: 'URL длиннее 255 символов' })
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { error: 'ожидается абсолютный URL http:// или https://' });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `допустимые значения: ${values.join(', ')}` });

const initSchema = z.object({
  pg_amount: required.refine((value) => {
    const minor = parseAmount(value);
    return minor !== undefined && minor >= MIN_AMOUNT && minor <= MAX_AMOUNT;
  }, { error: 'ожидается сумма от 0.01 до 99999999: цифры, точка, не больше двух знаков после точки' }),
  pg_description: required.max(1024, { error: 'длиннее 1024 символов' }),
  pg_salt: required,
  pg_order_id: z.string().max(50, { error: 'длиннее 50 символов' }).optional(),
  pg_currency: oneOf(CURRENCIES).optional(),
  pg_lifetime: z
    .string()
    .regex(/^\d+$/, { error: 'ожидается целое число секунд' })
    .refine((value) => Number(value) >= 300 && Number(value) <= 604800, { error: 'ожидается от 300 до 604800 секунд' })
    .optional(),
  pg_auto_clearing: oneOf(['0', '1']).optional(),
  pg_check_url: httpUrl.optional(),
  pg_result_url: httpUrl.optional(),
  pg_request_method: oneOf(['GET', 'POST', 'XML']).optional(),
  pg_success_url: httpUrl.optional(),
  pg_failure_url: httpUrl.optional(),
  pg_success_url_method: oneOf(['GET', 'POST', 'AUTOGET', 'AUTOPOST']).optional(),
  pg_failure_url_method: oneOf(['GET', 'POST', 'AUTOGET', 'AUTOPOST']).optional(),
  pg_language: oneOf(['ru', 'en', 'kz', 'kk', 'kg', 'uz']).optional(),
  pg_testing_mode: oneOf(['0', '1']).optional(),
  pg_user_phone: z.string().regex(/^\d{10,15}$/, { error: 'только цифры с кодом страны, например 77001234567' }).optional(),
  pg_user_contact_email: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'некорректный адрес e-mail' }).optional(),
  pg_idempotency_key: z.string().max(255, { error: 'длиннее 255 символов' }).optional(),
  pg_3ds_challenge: oneOf(['0', '1']).optional(),
});

type InitRequest = z.infer<typeof initSchema>;

/**
 * Plain top-level values by name. Empty values count as absent: an empty optional field means "not set" (an
 * empty pg_check_url disables the check, docs/freedompay-protocol.md#creating-a-payment), an empty required one
 * is missing.
 */
function plainValues(fields: Fields): { values: Record<string, string>; error?: GatewayError } {
  const values: Record<string, string> = {};
  for (const [name, value] of fields) {
    if (typeof value !== 'string') {
      if (name.startsWith('pg_') && !NESTED_ALLOWED.has(name)) return { values, error: validationError(name, 'ожидается одно значение, а не список') };
      continue;
    }
    if (value !== '') values[name] = value;
  }
  return { values };
}

export function parseInit(fields: Fields): OpResult<{ request: InitRequest; custom: [string, string][] }> {
  const { values, error } = plainValues(fields);
  if (error) return { ok: false, error };
  const parsed = initSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: validationError(String(issue?.path[0] ?? 'запрос'), issue?.message ?? 'некорректное значение') };
  }
  // Merchant fields (no pg_ prefix) travel on to callbacks and returns unchanged. Nested ones stay
  // behind: nothing in the protocol shows how they would be echoed.
  const custom = fields.filter((field): field is [string, string] => !field[0].startsWith('pg_') && typeof field[1] === 'string');
  return { ok: true, request: parsed.data, custom };
}

const returnMethod = (value: string | undefined): ReturnMethod => (value === 'POST' || value === 'AUTOPOST' ? 'POST' : 'GET');

/**
 * Creates the payment, or returns the one created earlier with the same idempotency key: one key, one payment
 * (the replay semantics are unverified upstream, docs/freedompay-protocol.md#idempotency; the original answer
 * is the safe one).
 */
export function createPayment(ctx: SandboxContext, merchant: SandboxMerchant, fields: Fields): OpResult<{ payment: Payment }> {
  const parsed = parseInit(fields);
  if (!parsed.ok) return parsed;
  const { request, custom } = parsed;
  if (request.pg_idempotency_key !== undefined) {
    const earlier = ctx.store.byIdempotencyKey(merchant.id, request.pg_idempotency_key);
    if (earlier) return { ok: true, payment: earlier };
  }
  const now = ctx.clock.now();
  const lifetimeSec = request.pg_lifetime === undefined ? 86400 : Number(request.pg_lifetime);
  const payment: Payment = {
    id: ctx.store.nextId(),
    merchantId: merchant.id,
    orderId: request.pg_order_id ?? '',
    token: ctx.store.newToken(),
    ...(request.pg_idempotency_key !== undefined ? { idempotencyKey: request.pg_idempotency_key } : {}),
    amountMinor: parseAmount(request.pg_amount) ?? 0,
    currency: request.pg_currency ?? 'KZT',
    description: request.pg_description,
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeSec * 1000),
    autoClearing: request.pg_auto_clearing !== '0',
    force3ds: request.pg_3ds_challenge === '1',
    checkUrl: request.pg_check_url,
    resultUrl: request.pg_result_url,
    requestMethod: request.pg_request_method ?? 'POST',
    successUrl: request.pg_success_url,
    failureUrl: request.pg_failure_url,
    successMethod: returnMethod(request.pg_success_url_method),
    failureMethod: returnMethod(request.pg_failure_url_method),
    language: request.pg_language ?? 'ru',
    testingMode: request.pg_testing_mode ?? '1',
    userPhone: request.pg_user_phone,
    userEmail: request.pg_user_contact_email,
    custom,
    status: 'new',
    stage: 'card',
    captured: false,
    clearingMinor: 0,
    refunds: [],
  };
  ctx.store.add(payment);
  return { ok: true, payment };
}

export function redirectUrlOf(base: string, payment: Payment): string {
  return `${base.replace(/\/+$/, '')}/pay.html?customer=${payment.token}`;
}
