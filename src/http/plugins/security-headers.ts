import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The service and order pages: the sites in FRAME_ANCESTORS may show them in a frame (docs/tilda.md). */
    framable?: boolean;
  }
  interface FastifyReply {
    /** This response's CSP nonce: put it on every <script> the page renders. */
    cspNonce: string;
  }
}

/**
 * docs/security.md#security-headers: a strict nonce-based CSP, no framing, nosniff, a strict
 * referrer policy, and no caching of HTML pages. Written out here rather than through helmet: the
 * whole policy is visible in one place, and the per-request work is one random nonce.
 *
 * HSTS goes on every response that reached the visitor over HTTPS: a TLS socket of ours, a trusted
 * proxy's `X-Forwarded-Proto: https` (TRUST_PROXY), or — `httpsUpstream` — an https PUBLIC_URL while
 * we do not serve TLS ourselves, so something in front of us does. Browsers ignore it over plain HTTP.
 */
/** Two years, subdomains too: the value the HSTS preload list asks for (without opting into preload). */
export const HSTS = 'max-age=63072000; includeSubDomains';

export interface SecurityHeaderOptions {
  formActions: string[];
  httpsUpstream: boolean;
  /** FRAME_ANCESTORS: who may frame the routes marked `framable`; nobody may frame anything else. */
  frameAncestors: string[];
  /** With YANDEX_METRIKA_ID: the counter's origins (docs/metrika.md); nothing else is added. */
  metrikaOrigins: string[];
}

export const securityHeaders = fp(async (app: FastifyInstance, options: SecurityHeaderOptions) => {
  const extra = (origins: string[]) => origins.map((origin) => ` ${origin}`).join('');
  const policy = (nonce: string, framable: boolean) =>
    [
      "default-src 'self'",
      // The counter's loader carries the nonce and 'strict-dynamic' lets it load tag.js; the origins are
      // for browsers that predate 'strict-dynamic'.
      `script-src 'nonce-${nonce}' 'strict-dynamic'${extra(options.metrikaOrigins)}`,
      "style-src 'self'",
      `img-src 'self' data:${extra(options.metrikaOrigins)}`,
      `connect-src 'self'${extra(options.metrikaOrigins)}`,
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      framable && options.frameAncestors.length > 0 ? `frame-ancestors${extra(options.frameAncestors)}` : "frame-ancestors 'none'",
      // The gateway's origin must be here too, or the redirect to its payment page after POST breaks.
      `form-action 'self'${options.formActions.map((origin) => ` ${origin}`).join('')}`,
    ].join('; ');

  const fixed = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'geolocation=(), camera=(), microphone=(), payment=()',
    'x-frame-options': 'DENY', // for old browsers; CSP frame-ancestors is the real rule
  };

  app.decorateReply('cspNonce', '');
  app.addHook('onRequest', async (request, reply) => {
    reply.cspNonce = randomBytes(16).toString('base64');
    const framable = request.routeOptions.config.framable === true && options.frameAncestors.length > 0;
    reply.headers({ ...fixed, 'content-security-policy': policy(reply.cspNonce, framable) });
    if (framable) reply.removeHeader('x-frame-options'); // it would forbid what frame-ancestors allows
    if (options.httpsUpstream || request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
