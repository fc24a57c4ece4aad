import type { FastifyReply, FastifyRequest } from 'fastify';
import { atolTimestamp } from './clock.js';
import type { SandboxContext } from './context.js';
import { type ServiceAnswer, type ServiceErrorCode, serviceAnswer } from './errors.js';
import type { AtolGroup } from './types.js';

/** Request reading and answering shared by the API endpoints (docs/atol-protocol.md#tokens, #answers). */

export const now = (ctx: SandboxContext) => atolTimestamp(ctx.clock.nowMs());

export function send(reply: FastifyReply, answer: ServiceAnswer): FastifyReply {
  return reply.code(answer.http).type('application/json; charset=utf-8').send(answer.body);
}

export function refuse(ctx: SandboxContext, reply: FastifyReply, code: ServiceErrorCode, args: string[] = [], extra: Record<string, unknown> = {}): FastifyReply {
  return send(reply, serviceAnswer(code, now(ctx), args, extra));
}

/** The JSON body, or the refusal: another content type → 415 code 41, unparsable → 400 code 40 (docs/atol-protocol.md#hosts). */
export function readJson(request: FastifyRequest): { ok: true; body: unknown } | { ok: false; code: 40 | 41; args: string[] } {
  const contentType = String(request.headers['content-type'] ?? '');
  if (contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') return { ok: false, code: 41, args: [contentType] };
  const raw = typeof request.body === 'string' ? request.body : '';
  try {
    return { ok: true, body: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, code: 40, args: [] };
  }
}

/**
 * The caller's group: the token from the `Token` header (or `?token=`, docs/atol-protocol.md#tokens) must be valid
 * (10 unknown, 11 expired) and its login must own the group in the path (20).
 */
export function authorise(ctx: SandboxContext, request: FastifyRequest, groupCode: string): { ok: true; group: AtolGroup } | { ok: false; code: 10 | 11 | 20 } {
  const header = request.headers.token;
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  const value = typeof header === 'string' && header !== '' ? header : typeof query === 'string' ? query : undefined;
  const token = ctx.tokens.check(value, ctx.clock.nowMs());
  if (!token.ok) return token;
  const group = ctx.groups.get(groupCode);
  if (!group || group.login !== token.login) return { ok: false, code: 20 };
  return { ok: true, group };
}
