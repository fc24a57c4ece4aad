import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account-routes.js';
import { linkRoutes } from './link-routes.js';
import { signInRoutes } from './sign-in-routes.js';

/** Everything under /account: sign-in, emailed links, and the personal pages. */
export async function clientAccount(app: FastifyInstance) {
  app.decorateRequest('client', null);
  app.decorateRequest('sessionHash', null);
  // Personal pages are never cached and never tell another site where the client was.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  });
  await app.register(signInRoutes);
  await app.register(linkRoutes);
  await app.register(accountRoutes);
}
