import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiRoutes } from './api-routes.js';
import type { SandboxContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { faultHook, slowAnswerHook } from './faults.js';
import { pageRoutes } from './page-routes.js';
import type { AtolSandbox } from './types.js';

/**
 * The sandbox's own Fastify app (its own port). Every body is kept as text: the API checks the
 * Content-Type and parses JSON itself, so a wrong type is code 41 and broken JSON code 40, as at ATOL.
 */
export function buildApp(ctx: SandboxContext, options: { logger?: boolean | object; controls: Pick<AtolSandbox, 'setFaults' | 'resetFaults' | 'expireTokens' | 'advanceClock'> }): FastifyInstance {
  const app = Fastify({
    logger: (options.logger ?? false) as FastifyServerOptions['logger'],
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  ctx.log = app.log;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', faultHook(ctx));
  app.addHook('onSend', slowAnswerHook(ctx));
  app.register(apiRoutes, { ctx });
  app.register(controlRoutes, { ctx, controls: options.controls });
  app.register(pageRoutes, { ctx });
  return app;
}
