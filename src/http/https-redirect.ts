import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

// HTTP_REDIRECT_PORT: a plain-HTTP listener next to the app's HTTPS one. Browsers asking for a page
// are sent to HTTPS; the gateway's callbacks are answered right here, because a server-to-server
// POST does not follow redirects and a missed result callback is a paid order nobody sees.

/** Registered by src/http/webhooks/freedompay.ts; the gateway may be configured with http:// for them. */
export const GATEWAY_CALLBACK_PATHS: ReadonlySet<string> = new Set(['/payments/freedompay/result', '/payments/freedompay/check']);

export type PlainHttpAction = { kind: 'serve' } | { kind: 'redirect'; status: 301 | 308; location: string };

/**
 * What the plain listener does with a request. The target is always PUBLIC_URL's origin (never the
 * Host header, which the sender chooses). GET/HEAD get 301; other methods 308, so a client that
 * posts over HTTP is not silently turned into a GET.
 */
export function plainHttpAction(method: string, url: string, publicOrigin: string): PlainHttpAction {
  const path = url.startsWith('/') ? url : '/';
  if (GATEWAY_CALLBACK_PATHS.has(path.split('?')[0]!)) return { kind: 'serve' };
  const status = method === 'GET' || method === 'HEAD' ? 301 : 308;
  return { kind: 'redirect', status, location: `${publicOrigin}${path}` };
}

/** Starts the plain-HTTP listener; callbacks go into the same Fastify app (same routes, hooks, logs). */
export async function startHttpRedirect(
  app: FastifyInstance,
  options: { port: number; host: string; publicUrl: string; timeouts?: ServerOptions },
): Promise<Server> {
  const origin = new URL(options.publicUrl).origin;
  // The app's own timeouts (src/http/timeouts.ts): a slow client here holds a connection just the same.
  const server = createServer(options.timeouts ?? {}, (request: IncomingMessage, response: ServerResponse) => {
    const action = plainHttpAction(request.method ?? 'GET', request.url ?? '/', origin);
    if (action.kind === 'serve') return app.routing(request, response);
    response.writeHead(action.status, { location: action.location, 'content-length': '0' });
    response.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function closeHttpRedirect(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
