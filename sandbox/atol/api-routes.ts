import type { FastifyInstance } from 'fastify';
import { refuse } from './api-request.js';
import type { SandboxContext } from './context.js';
import { getToken } from './get-token.js';
import { register } from './register.js';
import { report } from './report-route.js';

/** ATOL Online v5 under /possystem/v5 (docs/atol-protocol.md#endpoints). Groups here are ФФД 1.2 only, so v4 answers code 21. */
export async function apiRoutes(app: FastifyInstance, options: { ctx: SandboxContext }): Promise<void> {
  const { ctx } = options;
  app.post('/possystem/v5/getToken', async (request, reply) => getToken(ctx, request, reply));
  app.post<{ Params: { group: string; operation: string } }>('/possystem/v5/:group/:operation', async (request, reply) =>
    register(ctx, request, reply, request.params.group, request.params.operation),
  );
  app.get<{ Params: { group: string; uuid: string } }>('/possystem/v5/:group/report/:uuid', async (request, reply) =>
    report(ctx, request, reply, request.params.group, request.params.uuid),
  );
  app.all('/possystem/v4/*', async (_request, reply) => refuse(ctx, reply, 21));
}
