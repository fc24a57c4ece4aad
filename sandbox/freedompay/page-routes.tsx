import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { authenticate, baseUrl } from './api-routes.js';
import { browserReturn } from './browser-return.js';
import type { CardFields } from './cards.js';
import type { SandboxContext } from './context.js';
import { createPayment, redirectUrlOf } from './init-payment.js';
import { settle } from './lifecycle.js';
import { pageHeaders } from './page-headers.js';
import { type PayerStep, openPage, pendingPanMasked, submitCard, submitOtp } from './payer-flow.js';
import type { Payment } from './store.js';
import { CardFormPage } from './views/card-form.js';
import { MessagePage } from './views/message-page.js';
import { OtpPage } from './views/otp-page.js';
import { PAGE_CSS } from './views/style.js';

/**
 * The hosted payment page (docs/freedompay-protocol.md#hosted-page): what the payer's browser sees. Works
 * without JavaScript.
 */

function send(reply: FastifyReply, page: VNode, status = 200, payment?: Payment): FastifyReply {
  pageHeaders(reply, payment);
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html>${renderToString(page)}`);
}

function formBody(request: FastifyRequest): URLSearchParams {
  return new URLSearchParams(typeof request.body === 'string' ? request.body : '');
}

const tokenOf = (request: FastifyRequest) => (request.query as Record<string, string | undefined>).customer ?? '';
const payPath = (payment: Payment) => `/pay.html?customer=${payment.token}`;
const otpPath = (payment: Payment) => `/pay/3ds?customer=${payment.token}`;

export async function pageRoutes(app: FastifyInstance, options: { ctx: SandboxContext }): Promise<void> {
  const { ctx } = options;
  const merchantName = (payment: Payment) => ctx.merchants.get(payment.merchantId)?.name ?? payment.merchantId;

  const notFound = (reply: FastifyReply) =>
    send(reply, <MessagePage title="Платёж не найден" tone="alert" lines={['Ссылка на оплату неверна или устарела. Вернитесь в магазин и начните оплату заново.']} />, 404);

  /** The screen for a payment's current state (also after a step that could not run). */
  function current(reply: FastifyReply, payment: Payment): FastifyReply {
    settle(payment, ctx.clock.now());
    const back = browserReturn(ctx, payment);
    const backProp = back ? { back } : {};
    if (payment.status === 'incomplete') {
      return send(reply, <MessagePage title="Срок действия ссылки истёк" tone="alert" lines={['Время на оплату вышло, платёж не проведён. Вернитесь в магазин и начните оплату заново.']} {...backProp} />, 410, payment);
    }
    if (payment.stage === 'otp') return reply.code(303).header('location', otpPath(payment)).send();
    if (payment.stage === 'processing') {
      return send(reply, <MessagePage title="Платёж обрабатывается" tone="info" lines={['Подождите несколько секунд и обновите страницу.']} />, 200, payment);
    }
    if (payment.status === 'new' || payment.status === 'pending') {
      return send(reply, <CardFormPage payment={payment} merchantName={merchantName(payment)} action={payPath(payment)} />, 200, payment);
    }
    if (payment.status === 'success') {
      return send(reply, <MessagePage title="Оплата прошла успешно" tone="ok" lines={['Платёж принят. Вернитесь в магазин.']} {...backProp} />, 200, payment);
    }
    const reason = payment.status === 'revoked' && !payment.failure ? 'Платёж отменён.' : `Платёж не проведён: ${payment.failure?.description ?? 'отказ'}.`;
    return send(reply, <MessagePage title="Оплата не прошла" tone="alert" lines={[reason]} {...backProp} />, 200, payment);
  }

  /** After a card or OTP step: on to the OTP page, back to the shop (303), or a screen. */
  function afterStep(reply: FastifyReply, payment: Payment, step: PayerStep, values: Partial<CardFields>): FastifyReply {
    if (step.kind === 'invalid') {
      return send(reply, <CardFormPage payment={payment} merchantName={merchantName(payment)} action={payPath(payment)} values={values} errors={step.errors} />, 422, payment);
    }
    if (step.kind === 'needs_otp') return reply.code(303).header('location', otpPath(payment)).send();
    const back = step.kind === 'done' ? browserReturn(ctx, payment) : undefined;
    if (back?.method === 'GET') return reply.code(303).header('location', back.url).send();
    return current(reply, payment);
  }

  app.get('/pay/sandbox.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(PAGE_CSS),
  );

  // Browsers ask for it on every page; a 204 keeps the log free of 404s.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  app.get('/pay.html', async (request, reply) => {
    const payment = ctx.store.byToken(tokenOf(request));
    if (!payment) return notFound(reply);
    openPage(ctx, payment);
    return current(reply, payment);
  });

  app.post('/pay.html', async (request, reply) => {
    const payment = ctx.store.byToken(tokenOf(request));
    if (!payment) return notFound(reply);
    const body = formBody(request);
    const values = { pan: body.get('pan') ?? '', expiry: body.get('expiry') ?? '', cvc: body.get('cvc') ?? '', holder: body.get('holder') ?? '' };
    const step = await submitCard(ctx, payment, values);
    return afterStep(reply, payment, step, { pan: values.pan, expiry: values.expiry, holder: values.holder });
  });

  app.get('/pay/3ds', async (request, reply) => {
    const payment = ctx.store.byToken(tokenOf(request));
    if (!payment) return notFound(reply);
    settle(payment, ctx.clock.now());
    const panMasked = pendingPanMasked(payment);
    if (payment.stage !== 'otp' || panMasked === undefined) return current(reply, payment);
    return send(reply, <OtpPage payment={payment} merchantName={merchantName(payment)} action={otpPath(payment)} panMasked={panMasked} />, 200, payment);
  });

  app.post('/pay/3ds', async (request, reply) => {
    const payment = ctx.store.byToken(tokenOf(request));
    if (!payment) return notFound(reply);
    const step = await submitOtp(ctx, payment, formBody(request).get('otp') ?? '');
    if (step.kind === 'invalid') return current(reply, payment);
    return afterStep(reply, payment, step, {});
  });

  // payment.php: the same fields as init_payment.php, but brought by the browser
  // (docs/freedompay-protocol.md#creating-a-payment); the gateway answers with the page itself, so errors are
  // pages too.
  const paymentPhp = async (request: FastifyRequest, reply: FastifyReply) => {
    const call = await authenticate(ctx, request, 'payment.php');
    if ('httpStatus' in call) return reply.code(call.httpStatus).type('text/plain; charset=utf-8').send(`Sandbox fault: HTTP ${call.httpStatus}`);
    const created = 'fields' in call ? createPayment(ctx, call.merchant, call.fields) : { ok: false as const, error: call.error };
    if (!created.ok) {
      return send(reply, <MessagePage title="Ошибка в запросе на оплату" tone="alert" lines={[`Код ${created.error.code}: ${created.error.description}.`, 'Сообщите об ошибке магазину.']} />, 400);
    }
    return reply.code(303).header('location', redirectUrlOf(baseUrl(ctx, request), created.payment)).send();
  };
  app.get('/payment.php', paymentPhp);
  app.post('/payment.php', paymentPhp);
}
