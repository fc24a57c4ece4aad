import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendErrorPage } from '../views/error-page.js';

// Addresses no browser makes, refused before any route sees them. A percent escape that decodes to
// nothing would otherwise get Fastify's bare JSON 400 (its router fails before any hook, so without
// our headers); a NUL byte would reach PostgreSQL, which refuses NUL in text, as a 500.

const refused = new WeakMap<IncomingMessage, 400 | 404>();

/** Where a refused request is routed meanwhile: any route will do, the guard answers before it runs. */
const REFUSED_PATH = '/';

/**
 * Fastify's `rewriteUrl`, called before routing: marks a path whose escapes do not decode (400) or
 * that holds a NUL byte (404: no such page), or a query with a NUL byte (400), and routes it somewhere
 * harmless. Node's HTTP parser refuses raw NUL bytes, so an escaped one is the only way in. The query
 * is otherwise left to Fastify's lenient parser: links from elsewhere carry odd ones.
 */
export function screenUrl(raw: IncomingMessage): string {
  const url = raw.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const status = !decodes(path) ? 400 : path.includes('%00') ? 404 : query.includes('%00') ? 400 : null;
  if (status === null) return url;
  refused.set(raw, status);
  return REFUSED_PATH;
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Answers the marked requests with the normal error page; registered after the security headers. */
export const urlGuard = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (request, reply) => {
    const status = refused.get(request.raw);
    if (status === undefined) return;
    request.log.info({ status }, 'malformed address refused');
    return sendErrorPage(reply, status);
  });
});
