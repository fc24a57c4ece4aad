import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from './context.js';
import { viewOf } from './store.js';

/**
 * /sandbox/… — the test controls of Sandbox (faults, clock, payment view) over HTTP, for a
 * separately running sandbox and browser tests. Unsigned on purpose: they exist only here, never
 * on the real gateway, and the client under test must never call them.
 */
const faultsBody = z.strictObject({
  orderId: z.string().min(1),
  dropResult: z.boolean().optional(),
  delayResultMs: z.number().int().min(0).optional(),
  repeatResult: z.number().int().min(1).max(100).optional(),
  apiStatus: z.number().int().min(100).max(599).optional(),
  corruptSignature: z.boolean().optional(),
  decline: z.boolean().optional(),
});

const advanceBody = z.strictObject({ ms: z.number().int().min(0).max(366 * 24 * 60 * 60 * 1000) });

export async function controlRoutes(app: FastifyInstance, options: { ctx: SandboxContext; advance: (ms: number) => Promise<void> }): Promise<void> {
  const { ctx } = options;

  app.post('/sandbox/faults', async (request, reply) => {
    const parsed = faultsBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    const { orderId, ...faults } = parsed.data;
    // Replaces the order's faults: posting only {orderId} clears them.
    ctx.faults.set(orderId, faults);
    return { orderId, faults };
  });

  app.post('/sandbox/clock/advance', async (request, reply) => {
    const parsed = advanceBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    await options.advance(parsed.data.ms);
    return { now: ctx.clock.now().toISOString() };
  });

  app.get('/sandbox/clock', async () => ({ now: ctx.clock.now().toISOString() }));

  app.get<{ Params: { paymentId: string } }>('/sandbox/payments/:paymentId', async (request, reply) => {
    const payment = ctx.store.byId(request.params.paymentId);
    if (!payment) return reply.code(404).send({ error: 'payment not found' });
    return viewOf(payment);
  });

  app.get('/sandbox/deliveries', async () => ctx.deliveries);
}
