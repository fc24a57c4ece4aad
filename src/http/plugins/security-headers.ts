import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
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

export const securityHeaders = fp(async (app: FastifyInstance, options: { formActions: string[]; httpsUpstream: boolean }) => {
  const policy = (nonce: string) =>
    [
      "default-src 'self'",
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "worker-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
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
    reply.headers({ ...fixed, 'content-security-policy': policy(reply.cspNonce) });
    if (options.httpsUpstream || request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
