import type { FastifyInstance, FastifyReply } from 'fastify';
import { placeOrder } from '../../actions/place-order.js';
import { findOrderByRef } from '../../db/queries/orders.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { CatalogPage } from './catalog-page.js';
import { OrderPage } from './order-page.js';
import { ServicePage } from './service-page.js';
import type { OrderFormProps } from './order-form.js';
import type { Service } from '../../db/queries/catalog.js';

const captchaAssets = { scripts: ['/static/captcha.js'], styles: ['/static/altcha/external/altcha.css'] };

export async function storefrontRoutes(app: FastifyInstance) {
  const { deps } = app;

  app.get('/', async (_request, reply) => {
    const services = await deps.catalog.activeServices();
    return sendPage(reply, { title: 'Услуги' }, <CatalogPage services={services} />);
  });

  app.get<{ Params: { slug: string } }>('/services/:slug', async (request, reply) => {
    const service = await deps.catalog.findActive(request.params.slug);
    if (!service) return sendErrorPage(reply, 404);
    return sendServicePage(reply, service, {});
  });

  app.post<{ Params: { slug: string }; Body: Record<string, unknown> | undefined }>(
    '/services/:slug/order',
    {
      preHandler: app.csrfProtection,
      // Against floods of posts; the business limit (5 orders per IP per 10 min) is in placeOrder.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await placeOrder(deps, {
        slug: request.params.slug,
        body: request.body ?? {},
        clientIp: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      });
      switch (result.kind) {
        case 'placed':
          return reply.redirect(`/orders/${result.publicRef}`, 303);
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
          return sendServicePage(reply, result.service, { values: result.values, errors: result.errors }, 422);
      }
    },
  );

  app.get<{ Params: { ref: string } }>('/orders/:ref', async (request, reply) => {
    const order = /^[\w-]{24}$/.test(request.params.ref) ? await findOrderByRef(deps.db, request.params.ref) : undefined;
    if (!order) return sendErrorPage(reply, 404);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return sendPage(reply, { title: `Заказ: ${order.serviceTitle}` }, <OrderPage order={order} />);
  });

  function sendServicePage(
    reply: FastifyReply,
    service: Service,
    form: Pick<OrderFormProps, 'values' | 'errors'>,
    status = 200,
  ) {
    const captcha = deps.captcha !== null;
    return sendPage(
      reply,
      { title: service.title, status, ...(captcha ? captchaAssets : {}) },
      <ServicePage service={service} form={{ ...form, slug: service.slug, csrfToken: reply.generateCsrf(), captcha }} />,
    );
  }
}
