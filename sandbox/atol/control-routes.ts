import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from './context.js';
import { progress } from './progress.js';
import { viewOf } from './store.js';
import type { AtolSandbox } from './types.js';

/**
 * /sandbox/… — the test controls over HTTP, for a separately running sandbox and browser tests.
 * No auth on purpose: they exist only here, never on ATOL, and the client must never call them.
 */
const count = z.number().int().min(0).max(1_000_000);
const faultsPatch = z.strictObject({
  down: z.union([z.literal(false), z.literal('reset'), z.literal('refuse')]).optional(),
  downForMs: z.number().int().min(1).max(3_600_000).nullable().optional(),
  slowMs: z.number().int().min(0).max(600_000).optional(),
  serverError: count.optional(),
  serverErrorStatus: z.number().int().min(500).max(599).optional(),
  dropAfterRegister: count.optional(),
  failNext: z
    .strictObject({
      code: z.number().int(),
      text: z.string().max(1000).optional(),
      type: z.enum(['none', 'system', 'driver', 'timeout', 'agent', 'unknown']).optional(),
      count: z.number().int().min(1).max(1000).optional(),
    })
    .nullable()
    .optional(),
  stuckInWait: z.boolean().optional(),
  dropCallbacks: z.boolean().optional(),
});

const advanceBody = z.strictObject({ ms: z.number().int().min(0).max(366 * 24 * 60 * 60 * 1000) });

/** Bodies arrive as text (the API reads its own JSON to answer code 40/41 as ATOL does). */
function jsonOf(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

type Controls = Pick<AtolSandbox, 'setFaults' | 'resetFaults' | 'expireTokens' | 'advanceClock'>;

export async function controlRoutes(app: FastifyInstance, options: { ctx: SandboxContext; controls: Controls }): Promise<void> {
  const { ctx, controls } = options;

  app.get('/sandbox/faults', async () => ctx.faults);

  app.post('/sandbox/faults', async (request, reply) => {
    const parsed = faultsPatch.safeParse(jsonOf(request.body));
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    // Only the given faults change; `null`/`false`/0 switch one off.
    const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
    controls.setFaults(patch);
    return ctx.faults;
  });

  app.delete('/sandbox/faults', async () => {
    controls.resetFaults();
    return ctx.faults;
  });

  app.post('/sandbox/tokens/expire', async () => {
    controls.expireTokens();
    return { expired: true };
  });

  app.post('/sandbox/clock/advance', async (request, reply) => {
    const parsed = advanceBody.safeParse(jsonOf(request.body));
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    await controls.advanceClock(parsed.data.ms);
    return { now: new Date(ctx.clock.nowMs()).toISOString() };
  });

  app.get('/sandbox/clock', async () => ({ now: new Date(ctx.clock.nowMs()).toISOString() }));

  app.get('/sandbox/receipts', async () => {
    progress(ctx);
    return ctx.store.all().map(viewOf);
  });

  app.get<{ Params: { uuid: string } }>('/sandbox/receipts/:uuid', async (request, reply) => {
    progress(ctx);
    const receipt = ctx.store.get(request.params.uuid);
    return receipt ? viewOf(receipt) : reply.code(404).send({ error: 'receipt not found' });
  });

  app.get('/sandbox/callbacks', async () => ctx.deliveries);
}
