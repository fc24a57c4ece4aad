import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxState } from './state.js';
import type { PersonInput, TelegramFaults, Update } from './types.js';

/** The people's side of the fake, shared by the control routes, the page and the TypeScript API. */
export interface PeopleActions {
  userWrites(person: PersonInput, text: string): Update | null;
  blockBot(userId: number): void;
  unblockBot(userId: number): void;
  setFaults(faults: TelegramFaults): void;
}

const userId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const writeBody = z.strictObject({
  userId,
  firstName: z.string().trim().min(1).max(64),
  lastName: z.string().max(64).optional(),
  username: z.string().regex(/^@?[A-Za-z0-9_]{5,32}$/).optional(),
  languageCode: z.string().max(10).optional(),
  text: z.string().trim().min(1).max(4096),
});

const faultsBody = z.strictObject({
  down: z.boolean().optional(),
  slowMs: z.number().int().min(0).max(600_000).optional(),
  serverError: z.strictObject({ count: z.number().int().min(1).max(1000), method: z.string().optional(), status: z.number().int().min(500).max(599).optional() }).optional(),
  rateLimit: z.strictObject({ retryAfter: z.number().int().min(1).max(86_400), method: z.string().optional() }).optional(),
});

/**
 * /sandbox/… — the test controls over HTTP, for a fake running in another process (npm start,
 * browser tests). Unauthenticated on purpose: they exist only here, never on api.telegram.org, and
 * the client under test must never call them.
 */
export async function controlRoutes(app: FastifyInstance, options: { state: SandboxState; people: PeopleActions }): Promise<void> {
  const { state, people } = options;

  app.post('/sandbox/messages', async (request, reply) => {
    const parsed = writeBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    const { text, userId: id, ...person } = parsed.data;
    const update = people.userWrites({ id, ...person }, text);
    return { update };
  });

  app.post<{ Params: { id: string } }>('/sandbox/users/:id/block', async (request, reply) => {
    const id = userId.safeParse(request.params.id);
    if (!id.success || !state.people.has(id.data)) return reply.code(404).send({ error: 'no such user' });
    people.blockBot(id.data);
    return { blocked: true };
  });

  app.post<{ Params: { id: string } }>('/sandbox/users/:id/unblock', async (request, reply) => {
    const id = userId.safeParse(request.params.id);
    if (!id.success || !state.people.has(id.data)) return reply.code(404).send({ error: 'no such user' });
    people.unblockBot(id.data);
    return { blocked: false };
  });

  app.post('/sandbox/faults', async (request, reply) => {
    const parsed = faultsBody.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: z.prettifyError(parsed.error) });
    // Replaces every fault: posting {} clears them.
    people.setFaults(parsed.data);
    return { faults: state.faults };
  });

  app.get('/sandbox/faults', async () => ({ faults: state.faults }));
  app.get('/sandbox/users', async () => [...state.people.values()].map(({ user, blocked }) => ({ user, blocked })));
  app.get<{ Querystring: { chatId?: string } }>('/sandbox/sent', async (request) => {
    const chatId = request.query.chatId === undefined ? undefined : Number(request.query.chatId);
    return state.sent.filter((message) => chatId === undefined || message.chatId === chatId);
  });
  app.get('/sandbox/updates', async () => state.updates);
  app.get('/sandbox/webhook-deliveries', async () => state.deliveries);
}
