import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import staticFiles from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { companyFrom, type Company } from './company.js';
import type { Deps } from './deps.js';
import { clientAccount } from './http/account/index.js';
import { backOffice } from './http/admin/index.js';
import { captchaRoutes } from './http/captcha-routes.js';
import { devMailboxRoutes } from './http/dev/mailbox-routes.js';
import { healthRoutes } from './http/health.js';
import { legalRoutes } from './http/legal/routes.js';
import { errorPages } from './http/plugins/error-pages.js';
import { forms } from './http/plugins/forms.js';
import { rateLimits } from './http/plugins/rate-limit.js';
import { securityHeaders } from './http/plugins/security-headers.js';
import { storefrontRoutes } from './http/storefront/routes.js';
import { freedomPayWebhooks } from './http/webhooks/freedompay.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    company: Company;
  }
}

const publicDir = fileURLToPath(new URL('../public', import.meta.url));
// The ALTCHA widget's browser files, served as they ship in the package (no bundler).
const altchaDir = dirname(dirname(fileURLToPath(import.meta.resolve('altcha/external'))));

/** Builds the web app. Tests call this with their own deps; only server.ts listens. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
  });
  app.decorate('deps', deps);
  app.decorate('company', companyFrom(deps.config));

  await app.register(errorPages);
  await app.register(securityHeaders, { formActions: deps.gateway.formActionOrigins });
  await app.register(forms, { secret: deps.config.APP_SECRET, secureCookies: deps.config.PUBLIC_URL.startsWith('https:') });
  await app.register(rateLimits, { redisUrl: deps.config.REDIS_URL });
  await app.register(staticFiles, { root: publicDir, prefix: '/static/', maxAge: '1h' });
  await app.register(staticFiles, { root: altchaDir, prefix: '/static/altcha/', decorateReply: false, maxAge: '1d' });

  await app.register(healthRoutes);
  await app.register(captchaRoutes);
  await app.register(legalRoutes);
  await app.register(storefrontRoutes);
  await app.register(freedomPayWebhooks);
  await app.register(clientAccount);
  app.decorate('staffRoutes', []); // filled by the back office as it registers its routes
  await app.register(backOffice);
  // Captured emails are someone's personal data: never where real mail goes out or in production.
  if (!deps.config.SMTP_URL && deps.config.NODE_ENV !== 'production') await app.register(devMailboxRoutes);
  return app;
}
