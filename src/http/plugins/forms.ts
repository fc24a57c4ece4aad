import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Form posts: urlencoded bodies and CSRF protection. The CSRF secret lives in a signed, HttpOnly
 * cookie; forms carry the token in `_csrf`. Routes check it in preHandler, after the body is parsed.
 */
export const forms = fp(async (app: FastifyInstance, options: { secret: string; secureCookies: boolean }) => {
  await app.register(cookie, { secret: options.secret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(csrf, {
    cookieKey: options.secureCookies ? '__Host-csrf' : 'csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies },
  });
  // A page may ask for a token more than once (the form, the layout's logout button). Each call
  // without a secret cookie yet would make a new secret and overwrite the cookie, so tokens made
  // earlier in the same response would no longer match: one token per response.
  app.addHook('onRequest', async (_request, reply) => {
    const generate = reply.generateCsrf.bind(reply);
    let token: string | undefined;
    reply.generateCsrf = (opts) => (token ??= generate(opts));
  });
});
