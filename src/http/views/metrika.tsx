import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';

// Yandex Metrika (docs/metrika.md), off unless YANDEX_METRIKA_ID is set. The counter runs from our own
// public/metrika.js (the nonce is on its tag; no inline script), which reports each page view itself so
// that it can leave out what must not reach Yandex: an order page's address is the key to that order,
// so it goes out as /orders/order. Never a name, an email or a phone number: the e-commerce event
// carries the order number, the service and the sum only.

/** The origins the CSP gains when the counter is on; none when it is off. */
export function metrikaOrigins(config: Pick<Config, 'YANDEX_METRIKA_ID' | 'YANDEX_METRIKA_SCRIPT_URL'>): string[] {
  if (!config.YANDEX_METRIKA_ID) return [];
  const origins = new Set(['https://mc.yandex.ru', 'https://yastatic.net', new URL(config.YANDEX_METRIKA_SCRIPT_URL).origin]);
  return [...origins];
}

/** The e-commerce `purchase` of a paid order, as Metrika's dataLayer takes it. */
export interface MetrikaPurchase {
  orderNumber: string;
  service: string;
  priceKopecks: number;
}

export interface MetrikaPageOptions {
  /** The address to report instead of the real one (a page whose address is a secret). */
  pageUrl?: string;
  purchase?: MetrikaPurchase;
}

/** Pages where nothing is counted: the client's own account and the development tools. */
const uncounted = /^\/(account|dev)(\/|$)/;

export function MetrikaCounter({ reply, options = {} }: { reply: FastifyReply; options?: MetrikaPageOptions }) {
  const { config } = reply.server.deps;
  if (!config.YANDEX_METRIKA_ID || uncounted.test(reply.request.url)) return null;
  const purchase = options.purchase && {
    id: options.purchase.orderNumber,
    name: options.purchase.service,
    price: options.purchase.priceKopecks / 100,
  };
  return (
    <script
      src="/static/metrika.js"
      async
      nonce={reply.cspNonce}
      data-counter={config.YANDEX_METRIKA_ID}
      data-tag={config.YANDEX_METRIKA_SCRIPT_URL}
      data-page-url={options.pageUrl}
      data-purchase={purchase ? JSON.stringify(purchase) : undefined}
    />
  );
}
