import { randomBytes } from 'node:crypto';
import type { Deps } from '../../app-deps.js';
import { ORDERS_PER_IP, orderRetryAfterMs } from '../../domain/orders/order-limits.js';
import { pickUtm, utmColumns } from '../../domain/marketing/utm.js';
import { validateOrderForm, type OrderFormErrors, type OrderFormValues } from '../../domain/orders/order-form.js';
import { findActiveService, type Service } from '../../db/queries/catalog.js';
import { recentOrderTimesFromIp } from '../../db/queries/orders.js';
import { captchaSolutionUsed, useCaptchaSolution } from '../../db/queries/captcha.js';
import { orderPayers, orders, paymentAttempts } from '../../db/schema/index.js';
import { orderMachine } from '../../domain/orders/order-machine.js';
import { issueBankInvoice } from '../transfers/issue-bank-invoice.js';
import { checkCaptcha } from '../../captcha/altcha.js';
import { captchaMessages } from '../../captcha/messages.js';
import { acceptedVersions } from '../../domain/content/legal-versions.js';

export type PlaceOrderErrors = OrderFormErrors & { altcha?: string; form?: string };

export type PlaceOrderResult =
  /** `transfer`: a company pays by bank transfer; the order waits for its invoice to be paid (no gateway). */
  | { kind: 'placed'; publicRef: string; payment: 'card' | 'transfer' }
  /** `solvedCaptcha`: the captcha passed while other fields did not; the form sends it again as it is. */
  | { kind: 'invalid'; service: Service; errors: PlaceOrderErrors; values: OrderFormValues; solvedCaptcha?: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'service_not_found' };

export interface PlaceOrderInput {
  slug: string;
  body: Record<string, unknown>;
  clientIp: string;
  userAgent: string;
}

/** The honeypot: hidden from people, tempting for bots that fill every field. */
export const HONEYPOT_FIELD = 'fax_number';

export async function placeOrder(deps: Pick<Deps, 'db' | 'clock' | 'captcha' | 'gateway' | 'config' | 'content' | 'queue'>, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { db, clock, captcha } = deps;
  const now = clock.now();
  const service = await findActiveService(db, input.slug);
  if (!service) return { kind: 'service_not_found' };

  const since = new Date(now.getTime() - ORDERS_PER_IP.windowMs);
  const recent = await recentOrderTimesFromIp(db, input.clientIp, since, ORDERS_PER_IP.max);
  const waitMs = orderRetryAfterMs(recent, now);
  if (waitMs > 0) return { kind: 'rate_limited', retryAfterSeconds: Math.ceil(waitMs / 1000) };

  const form = validateOrderForm(input.body, { transfersOffered: deps.content.current().company.bank !== null });
  const { values } = form;
  if (typeof input.body[HONEYPOT_FIELD] === 'string' && input.body[HONEYPOT_FIELD] !== '') {
    return { kind: 'invalid', service, errors: { form: 'Не удалось отправить форму. Обновите страницу и попробуйте ещё раз.' }, values };
  }
  // Checked even when other fields are wrong, so every error shows in the first round; a solution
  // that passed is not used up here (only the placed order records it) and goes back into the form.
  const captchaCheck = captcha ? await checkCaptcha(captcha, input.body.altcha, 'order') : null;
  let captchaError: string | undefined = captchaCheck && !captchaCheck.ok ? captchaMessages[captchaCheck.reason] : undefined;
  if (!form.ok || captchaError) {
    if (captchaCheck?.ok && (await captchaSolutionUsed(db, captchaCheck.challengeSignature))) captchaError = captchaMessages.replayed;
    const errors: PlaceOrderErrors = { ...(form.ok ? {} : form.errors), ...(captchaError ? { altcha: captchaError } : {}) };
    const solvedCaptcha = captchaCheck?.ok && !captchaError ? (input.body.altcha as string) : undefined;
    return { kind: 'invalid', service, errors, values, solvedCaptcha };
  }

  const publicRef = randomBytes(18).toString('base64url'); // 144 bits
  const accepted = acceptedVersions(deps.content.current().legal, now, { metrika: Boolean(deps.config.YANDEX_METRIKA_ID) });
  const placed = await db.transaction(async (tx) => {
    if (captchaCheck?.ok) {
      if (!(await useCaptchaSolution(tx, captchaCheck))) return false;
    }
    const { name, email, phone, comment, marketingOptIn, payer } = form.order;
    const [order] = await tx
      .insert(orders)
      .values({
        publicRef,
        serviceId: service.id,
        serviceTitle: service.title,
        priceKopecks: service.priceKopecks,
        vat: service.vat,
        // A company paying by transfer waits for its bank invoice to be paid (docs/payments.md#bank-transfers).
        ...(payer && { state: orderMachine.transition('awaiting_payment', 'bank_invoice_issued')! }),
        customerName: name,
        customerEmail: email,
        customerPhone: phone,
        comment,
        marketingOptIn,
        // Hidden fields from the link that opened the form; a malformed tag is left out, never an error.
        ...utmColumns(pickUtm(input.body)),
        offerVersion: accepted.offer,
        consentVersion: accepted.consent,
        privacyVersion: accepted.privacy,
        acceptedAt: now,
        clientIp: input.clientIp,
        userAgent: input.userAgent.slice(0, 512),
        createdAt: now,
      })
      .returning({ id: orders.id, number: orders.number });
    if (payer) {
      await tx.insert(orderPayers).values({ orderId: order!.id, ...payer });
      await issueBankInvoice(deps, tx, {
        order: { id: order!.id, number: order!.number, publicRef, customerName: name, customerEmail: email, clientId: null },
        payerName: payer.companyName,
        surcharge: null,
        amountKopecks: service.priceKopecks,
        description: service.title,
        vat: service.vat,
      });
      return true;
    }
    // Its first payment attempt in the same transaction: should the database go away before the payer
    // is sent to the gateway, there is no order without one (payOrder resumes it).
    await tx.insert(paymentAttempts).values({
      orderId: order!.id,
      amountKopecks: service.priceKopecks,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.gateway.settings.lifetimeSeconds * 1000),
    });
    return true;
  });
  if (!placed) return { kind: 'invalid', service, errors: { altcha: captchaMessages.replayed }, values };
  return { kind: 'placed', publicRef, payment: form.order.payer ? 'transfer' : 'card' };
}

