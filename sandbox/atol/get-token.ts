import type { FastifyReply, FastifyRequest } from 'fastify';
import { now, readJson, refuse } from './api-request.js';
import type { SandboxContext } from './context.js';
import { Checker, describeIssues, object, string } from './schema-checks.js';

const NAME = /^[a-zA-Z0-9_\-@.]+$/;

/**
 * POST {base}/getToken {login, pass, source} (docs/atol-protocol.md#tokens). A malformed body is code 32 with the
 * receipt-validation text, as captured; wrong credentials 401 code 12; a blocked user 403 code 14.
 */
export function getToken(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const read = readJson(request);
  if (!read.ok) return refuse(ctx, reply, read.code, read.args);
  const c = new Checker();
  const body = object(c, read.body, '');
  // The login pattern is not published; the one of `source` is used for both (UNVERIFIED).
  const login = body ? c.prop(body, 'login', '', string({ max: 100, pattern: NAME }), true) : undefined;
  const pass = body ? c.prop(body, 'pass', '', string({ max: 100 }), true) : undefined;
  if (body) c.prop(body, 'source', '', string({ max: 100, pattern: NAME }));
  if (c.issues.length > 0 || login === undefined || pass === undefined) return refuse(ctx, reply, 32, [describeIssues(c.issues)]);

  const groups = [...ctx.groups.values()].filter((group) => group.login === login && group.password === pass);
  if (groups.length === 0) return refuse(ctx, reply, 12);
  if (groups.some((group) => group.blocked)) return refuse(ctx, reply, 14);
  const token = ctx.tokens.issue(login, ctx.clock.nowMs());
  return reply.code(200).type('application/json; charset=utf-8').send({ error: null, token, timestamp: now(ctx) });
}
