import type { FastifyInstance } from 'fastify';
import { migrationsApplied } from '../db/migrate.js';

export async function healthRoutes(app: FastifyInstance) {
  // Liveness: the process answers. Never touches the database, so a database outage
  // does not get a healthy process restarted.
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  // Readiness: the database answers and every migration is applied.
  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      if (await migrationsApplied(app.deps.db)) return reply.send({ status: 'ready' });
      return reply.code(503).send({ status: 'migrations pending' });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
}
