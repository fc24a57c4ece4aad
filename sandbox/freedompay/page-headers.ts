import type { FastifyReply } from 'fastify';
import type { Payment } from './store.js';

/**
 * The hosted page's own strict headers. No script at all, styles only from /pay/sandbox.css.
 * `form-action` must list the shop's origins: browsers check the 303 that follows the card form
 * against it, and a POST return is a form aimed at the shop.
 */
export function pageHeaders(reply: FastifyReply, payment?: Payment): void {
  const origins = new Set<string>();
  for (const url of [payment?.successUrl, payment?.failureUrl]) {
    if (url && URL.canParse(url)) origins.add(new URL(url).origin);
  }
  reply.headers({
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self' data:",
      `form-action 'self'${[...origins].map((origin) => ` ${origin}`).join('')}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    // The page URL carries the payment token: it must not leak to the shop in a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-store',
  });
}
