import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { payOrder } from '../../actions/orders/pay-order.js';
import { claimMetrikaPurchase } from '../../actions/orders/claim-metrika-purchase.js';
import { pickUtm, withUtm, type Utm } from '../../domain/marketing/utm.js';
import { orderNumber } from '../../domain/orders/order-number.js';
import { callbackDeadlineInWords } from '../../domain/calendar/deadline-words.js';
import { placeOrder } from '../../actions/orders/place-order.js';
import type { Service } from '../../db/queries/catalog.js';
import { findOrderByRef, hasEarlierPaidOrder } from '../../db/queries/orders.js';
import { receiptsOfOrder } from '../../db/queries/receipts.js';
import { receiptBeingMade } from '../../domain/receipts/receipt-flow.js';
import { latestAttemptForOrder } from '../../db/queries/payments.js';
import { orderBankInvoice } from '../../db/queries/transfers.js';
import { orderBankInvoiceDocument } from '../../actions/transfers/bank-invoice-document.js';
import { withdrawTransferOrder } from '../../actions/transfers/withdraw-transfer-order.js';
import { vatLine } from '../../domain/transfers/bank-invoice.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { replyToPaymentStart } from '../views/payment-hand-off.js';
import { CatalogPage, type StorefrontExtras } from './catalog-page.js';
import type { OrderFormProps } from './order-form.js';
import { OrderPage, paymentView } from './order-page.js';
import { catalogMeta, serviceMeta } from './page-meta.js';
import { EmbeddedServicePage, ServicePage } from './service-page.js';

/**
 * Shown inside another site's frame: `?embed=1` (the snippet in the back office adds it), or what the
 * browser says about the request (Sec-Fetch-Dest: iframe from a cross-site parent).
 */
function framedElsewhere(request: FastifyRequest<{ Querystring: Record<string, unknown> }>): boolean {
  if (request.query.embed === '1') return true;
  return request.headers['sec-fetch-dest'] === 'iframe' && request.headers['sec-fetch-site'] === 'cross-site';
}

const captchaAssets = { scripts: ['/static/captcha.js'], styles: ['/static/altcha/external/altcha.css'] };
const ORDER_REF = /^[\w-]{24}$/;

export async function storefrontRoutes(app: FastifyInstance) {
  const { deps } = app;
  // Against floods of posts; the business limit (5 orders per IP per 10 min) is in placeOrder.
  const postLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  app.get('/', async (_request, reply) => {
    const [services, extras] = await Promise.all([deps.catalog.activeServices(), storefrontExtras()]);
    const meta = catalogMeta(services, deps.content.current().company.name);
    return sendPage(reply, { title: 'Услуги', meta }, <CatalogPage services={services} extras={extras} />);
  });

  // The service and order pages may be framed by the sites in FRAME_ANCESTORS (docs/tilda.md).
  app.get<{ Params: { slug: string }; Querystring: Record<string, unknown> }>('/services/:slug', { config: { framable: true } }, async (request, reply) => {
    const service = await deps.catalog.findActive(request.params.slug);
    if (!service) return sendErrorPage(reply, 404);
    const utm = pickUtm(request.query);
    if (framedElsewhere(request)) {
      // In another site's frame our cookies are third-party: browsers do not keep the CSRF cookie
      // (SameSite=Lax), so the form could never be sent. The frame shows the service and opens the
      // form in a new tab of its own, where the order and the payment work as on our site.
      const fullPage = withUtm(`${deps.config.PUBLIC_URL}/services/${service.slug}`, utm);
      const image = (await deps.catalog.images()).get(service.id);
      return sendPage(reply, { title: service.title, meta: serviceMeta(service, image, deps.config.PUBLIC_URL) }, <EmbeddedServicePage service={service} orderUrl={`${fullPage}#order`} image={image} />);
    }
    return sendServicePage(reply, service, { utm });
  });

  app.post<{ Params: { slug: string }; Body: Record<string, unknown> | undefined }>(
    '/services/:slug/order',
    { preHandler: app.csrfProtection, config: postLimit },
    async (request, reply) => {
      const result = await placeOrder(deps, {
        slug: request.params.slug,
        body: request.body ?? {},
        clientIp: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      const utm = pickUtm(request.body ?? {});
      switch (result.kind) {
        case 'placed':
          // A company's order has its bank invoice on the order page instead of the gateway.
          return result.payment === 'transfer' ? reply.redirect(`/orders/${result.publicRef}`, 303) : sendToGateway(reply, result.publicRef);
        case 'service_not_found':
          return sendErrorPage(reply, 404);
        case 'rate_limited':
          reply.header('retry-after', String(result.retryAfterSeconds));
          return sendErrorPage(
            reply,
            429,
            `С вашего адреса уже оформлено несколько заказов за последние минуты. Попробуйте снова через ${Math.ceil(result.retryAfterSeconds / 60)} мин. или позвоните нам.`,
          );
        case 'invalid':
          return sendServicePage(reply, result.service, { values: result.values, errors: result.errors, solvedCaptcha: result.solvedCaptcha, utm }, 422);
      }
    },
  );

  // The gateway's success and failure returns land here too. What the page says comes from our
  // database only, fed by callbacks and reconciliation: the browser's return never marks a payment.
  app.get<{ Params: { ref: string } }>('/orders/:ref', { config: { framable: true } }, async (request, reply) => {
    const order = ORDER_REF.test(request.params.ref) ? await findOrderByRef(deps.db, request.params.ref) : undefined;
    if (!order) return sendErrorPage(reply, 404);
    const attempt = await latestAttemptForOrder(deps.db, order.id);
    const view = paymentView(order, attempt);
    const returningClient = await hasEarlierPaidOrder(deps.db, order);
    const receipts = await receiptsOfOrder(deps.db, order.id);
    const invoice = await orderBankInvoice(deps.db, order.id);
    const bankInvoice = invoice && { invoice, vat: vatLine(deps.config.TAX_SYSTEM, invoice.vat, invoice.amountKopecks), pdfUrl: `/orders/${order.publicRef}/bank-invoice.pdf` };
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const purchase = deps.config.YANDEX_METRIKA_ID && view === 'paid' && (await claimMetrikaPurchase(deps, order.id));
    return sendPage(
      reply,
      {
        title: `Заказ ${orderNumber(order.number)}: ${order.serviceTitle}`,
        // Refreshes while the payment is checked, and for a while as a new receipt is made (seconds, usually).
        refreshSeconds: view === 'checking' ? 3 : receipts.some((r) => receiptBeingMade(r, deps.clock.now())) ? 5 : undefined,
        // The address is the key to the order: Metrika gets a stand-in (views/metrika.tsx).
        metrika: {
          pageUrl: `${deps.config.PUBLIC_URL}/orders/order`,
          purchase: purchase ? { orderNumber: orderNumber(order.number), service: order.serviceTitle, priceKopecks: order.priceKopecks } : undefined,
        },
      },
      <OrderPage order={order} attempt={attempt} managerDeadline={managerDeadline(order.paidAt)} returningClient={returningClient} receipts={receipts} csrfToken={reply.generateCsrf()} bankInvoice={bankInvoice} />,
    );
  });

  // The bank invoice of a company's order, by the order page's unguessable address (docs/payments.md#bank-transfers).
  app.get<{ Params: { ref: string } }>('/orders/:ref/bank-invoice.pdf', async (request, reply) => {
    if (!ORDER_REF.test(request.params.ref)) return sendErrorPage(reply, 404);
    const found = await orderBankInvoiceDocument(deps, request.params.ref);
    switch (found.kind) {
      case 'not_found':
        return sendErrorPage(reply, 404);
      case 'no_bank_details':
        return sendErrorPage(reply, 503, 'Реквизиты для счёта ещё не заполнены. Позвоните нам, и мы пришлём счёт.');
      case 'pdf':
        return reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${found.fileName}"`)
          .send(found.pdf);
    }
  });

  // The client withdraws an order still waiting for its bank transfer (no money moved).
  app.post<{ Params: { ref: string } }>('/orders/:ref/withdraw', { preHandler: app.csrfProtection, config: postLimit }, async (request, reply) => {
    const order = ORDER_REF.test(request.params.ref) ? await findOrderByRef(deps.db, request.params.ref) : undefined;
    if (!order) return sendErrorPage(reply, 404);
    const result = await withdrawTransferOrder(deps, { orderId: order.id, staffId: null, ip: request.ip, reason: 'отменён клиентом на странице заказа' });
    switch (result.kind) {
      case 'withdrawn':
      case 'not_waiting':
        // Either way the order page says what the order is now.
        return reply.redirect(`/orders/${order.publicRef}`, 303);
      case 'not_found':
        return sendErrorPage(reply, 404);
    }
  });

  app.post<{ Params: { ref: string } }>('/orders/:ref/pay', { preHandler: app.csrfProtection, config: postLimit }, async (request, reply) => {
    if (!ORDER_REF.test(request.params.ref)) return sendErrorPage(reply, 404);
    return sendToGateway(reply, request.params.ref);
  });

  function managerDeadline(paidAt: Date | null): string | null {
    return paidAt && callbackDeadlineInWords(paidAt, deps.calendar, deps.clock.now(), { near: true });
  }

  async function sendToGateway(reply: FastifyReply, orderRef: string) {
    return replyToPaymentStart(reply, await payOrder(deps, orderRef), {
      url: `/orders/${orderRef}`,
      payAction: `/orders/${orderRef}/pay`,
      kept: 'Заказ сохранён, деньги не списаны.',
    });
  }

  async function sendServicePage(reply: FastifyReply, service: Service, form: Pick<OrderFormProps, 'values' | 'errors' | 'solvedCaptcha'> & { utm: Utm }, status = 200) {
    const captcha = deps.captcha !== null;
    const extras = await storefrontExtras();
    // A form sent back with its errors is the visitor's own page, not one to index.
    const meta = status === 200 ? serviceMeta(service, extras.images.get(service.id), deps.config.PUBLIC_URL) : undefined;
    return sendPage(
      reply,
      { title: service.title, status, meta, ...(captcha ? captchaAssets : {}) },
      <ServicePage service={service} form={{ ...form, slug: service.slug, csrfToken: reply.generateCsrf(), captcha, transfers: deps.content.current().company.bank !== null }} extras={extras} />,
    );
  }

  /** The pictures, the FAQ and when a manager would call if the visitor paid now. */
  async function storefrontExtras(): Promise<StorefrontExtras> {
    const [images, faq] = await Promise.all([deps.catalog.images(), deps.catalog.faq()]);
    return { images, faq, callBy: callByNow(deps.clock.now()) };
  }

  // The deadline's words change at most once a minute, and working them out on the Moscow calendar
  // (luxon's time zones) costs more than rendering the page (bench/pages.ts): once per minute it is.
  let callBy = { minute: NaN, words: '' };
  function callByNow(now: Date): string {
    const minute = Math.floor(now.getTime() / 60_000);
    if (callBy.minute !== minute) callBy = { minute, words: callbackDeadlineInWords(now, deps.calendar, now, { near: true }) };
    return callBy.words;
  }
}
