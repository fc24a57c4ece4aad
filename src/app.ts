import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import staticFiles from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { productionRules } from './config.js';
import type { Deps } from './app-deps.js';
import { clientAccount } from './http/account/index.js';
import { backOffice } from './http/admin/index.js';
import { captchaRoutes } from './http/captcha-routes.js';
import { devMailboxRoutes } from './http/dev/mailbox-routes.js';
import { healthRoutes } from './http/health.js';
import { metricsRoutes } from './http/metrics.js';
import { httpsOptions, publicUrlIsHttps } from './http/https.js';
import { legalRoutes } from './http/legal/routes.js';
import { errorPages } from './http/plugins/error-pages.js';
import { forms } from './http/plugins/forms.js';
import { rateLimits } from './http/plugins/rate-limit.js';
import { securityHeaders } from './http/plugins/security-headers.js';
import { screenUrl, urlGuard } from './http/plugins/url-guard.js';
import { searchRoutes } from './http/storefront/search-routes.js';
import { repoRoot } from './repo-root.js';
import { mediaRoutes } from './http/storefront/media-routes.js';
import { storefrontRoutes } from './http/storefront/routes.js';
import { atolWebhooks } from './http/webhooks/atol.js';
import { serverTimeouts, socketIdleTimeout } from './http/timeouts.js';
import { metrikaOrigins } from './http/views/metrika.js';
import { tildaRoutes } from './http/integrations/tilda.js';
import { freedomPayWebhooks } from './http/webhooks/freedompay.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    /** Every route the app serves (HEAD left out): the attack tests walk them all, so new routes are covered. */
    routeList: { method: string; url: string }[];
  }
}

const publicDir = join(repoRoot, 'public');
// The ALTCHA widget's browser files, served as they ship in the package (no bundler).
const altchaDir = dirname(dirname(fileURLToPath(import.meta.resolve('altcha/external'))));

/** Builds the web app. Tests call this with their own deps; only server.ts listens. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const tls = httpsOptions(deps.config);
  const timeouts = serverTimeouts(deps.config);
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    // Slow clients get a 408 and lose the connection (src/http/timeouts.ts). Node takes these at the
    // server's creation: through `http` for plain HTTP, with the TLS options for HTTPS.
    ...({ http: timeouts } as object),
    requestTimeout: deps.config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: deps.config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: socketIdleTimeout(deps.config),
    // HTTPS served by the app itself, and the one reverse proxy whose X-Forwarded-* headers count (src/http/https.ts).
    https: tls && { ...tls, ...timeouts },
    trustProxy: deps.config.TRUST_PROXY ?? false,
    // Malformed escapes and NUL bytes get the normal error pages, with our headers (url-guard.ts).
    rewriteUrl: screenUrl,
  }) as unknown as FastifyInstance; // the HTTPS server type differs only in `app.server`, which nothing here uses
  app.decorate('deps', deps);
  app.decorate('routeList', []);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.routeList.push({ method, url: route.url });
  });

  await app.register(errorPages);
  await app.register(securityHeaders, {
    formActions: deps.gateway.formActionOrigins,
    httpsUpstream: !tls && publicUrlIsHttps(deps.config),
    frameAncestors: deps.config.FRAME_ANCESTORS,
    metrikaOrigins: metrikaOrigins(deps.config),
  });
  await app.register(urlGuard); // after the security headers: its answers carry them too
  await app.register(forms, { secret: deps.config.APP_SECRET, secureCookies: deps.config.PUBLIC_URL.startsWith('https:') });
  await app.register(rateLimits, { redisUrl: deps.config.REDIS_URL });
  await app.register(staticFiles, { root: publicDir, prefix: '/static/', maxAge: '1h' });
  await app.register(staticFiles, { root: altchaDir, prefix: '/static/altcha/', decorateReply: false, maxAge: '1d' });

  await app.register(metricsRoutes, { token: deps.config.METRICS_TOKEN });
  await app.register(healthRoutes);
  await app.register(captchaRoutes);
  await app.register(legalRoutes);
  await app.register(storefrontRoutes);
  await app.register(mediaRoutes);
  await app.register(searchRoutes);
  await app.register(freedomPayWebhooks);
  await app.register(atolWebhooks);
  await app.register(tildaRoutes);
  await app.register(clientAccount);
  app.decorate('staffRoutes', []); // filled by the back office as it registers its routes
  await app.register(backOffice);
  // Captured emails are someone's personal data: never where real mail goes out, in production or in a
  // shop with a real merchant account; and even in development only to this machine (mailbox-routes.tsx).
  if (!deps.config.SMTP_URL && !productionRules(deps.config)) await app.register(devMailboxRoutes);
  return app;
}
