import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { apiRoutes } from './api-routes.js';
import type { SandboxContext } from './context.js';
import { controlRoutes } from './control-routes.js';
import { pageRoutes } from './page-routes.js';

/**
 * The sandbox's own Fastify app (its own port, docs/payments.md#the-sandbox-gateway). Form and XML bodies are
 * kept raw: the routes decode them themselves so that field order — which the signature depends on — survives.
 */
export function buildSandbox(ctx: SandboxContext, options: { logger?: boolean | object; advance: (ms: number) => Promise<void> }): FastifyInstance {
  const app = Fastify({
    logger: (options.logger ?? false) as FastifyServerOptions['logger'],
    bodyLimit: 256 * 1024,
    return503OnClosing: true,
  });
  ctx.log = app.log;

  const raw = (_request: unknown, body: string | Buffer, done: (error: null, body: string | Buffer) => void) => done(null, body);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, raw);
  app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, raw);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, raw);

  app.register(apiRoutes, { ctx });
  app.register(pageRoutes, { ctx });
  app.register(controlRoutes, { ctx, advance: options.advance });
  app.get('/', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send('Freedom Pay sandbox (offline). Merchant API: /init_payment.php, /payment.php, /get_status3.php, /do_capture.php, /cancel.php, /revoke.php\n'),
  );
  return app;
}
