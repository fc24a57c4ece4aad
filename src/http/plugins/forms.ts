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
});
