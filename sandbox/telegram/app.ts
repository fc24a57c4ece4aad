import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { type BotApiDeps, botApiRoutes } from './bot-api-routes.js';
import { controlRoutes } from './control-routes.js';
import { BotApiError, badRequest } from './errors.js';
import { pageRoutes } from './page-routes.js';
import type { PeopleActions } from './control-routes.js';

/**
 * The fake's own Fastify app on its own port: the Bot API under /bot{token}/…, the test controls
 * under /sandbox/…, and the page for people at /. Bodies are read leniently, as the API does: JSON,
 * a url-encoded form (kept as a string for Params), or nothing at all.
 */
export function buildApp(deps: BotApiDeps & { people: PeopleActions; logger?: boolean | object }): FastifyInstance {
  const app = Fastify({
    logger: (deps.logger ?? false) as FastifyServerOptions['logger'],
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  deps.state.log = app.log;

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(badRequest("can't parse JSON object"), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, _body, done) => done(null, undefined));

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof BotApiError) return reply.code(error.code).send(error.body());
    request.log.error({ err: error }, 'telegram sandbox request failed');
    return reply.code(500).send({ ok: false, error_code: 500, description: 'Internal Server Error' });
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/bot')) return reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found' });
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
  });

  app.register(botApiRoutes, deps);
  app.register(controlRoutes, { state: deps.state, people: deps.people });
  app.register(pageRoutes, { state: deps.state, people: deps.people });
  return app;
}
