import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorise, refuse } from './api-request.js';
import type { SandboxContext } from './context.js';
import { serviceAnswer } from './errors.js';
import { progress } from './progress.js';
import { reportBody } from './report.js';
import { atolTimestamp } from './clock.js';

/**
 * GET {base}/{group_code}/report/{uuid} (docs/atol-protocol.md#report, #polling): the document's state; code 30 for a
 * uuid unknown in this group or older than the report window; optionally the 1 rps-per-KKT limit.
 */
export function report(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, groupCode: string, uuid: string): FastifyReply {
  const auth = authorise(ctx, request, groupCode);
  if (!auth.ok) return refuse(ctx, reply, auth.code);
  if (overLimit(ctx, groupCode, auth.group.kktCount ?? 1)) {
    const answer = serviceAnswer(0, atolTimestamp(ctx.clock.nowMs()));
    return reply.code(ctx.settings.reportRateLimit === 'http-429' ? 429 : answer.http).type('application/json; charset=utf-8').send(answer.body);
  }
  const receipt = ctx.store.get(uuid);
  if (!receipt || receipt.groupCode !== groupCode || receipt.registeredAtMs < ctx.clock.nowMs() - ctx.settings.reportWindowMs) return refuse(ctx, reply, 30, [uuid]);
  progress(ctx);
  return reply.code(200).type('application/json; charset=utf-8').send(reportBody(ctx, receipt));
}

function overLimit(ctx: SandboxContext, groupCode: string, kktCount: number): boolean {
  if (!ctx.settings.reportRateLimit) return false;
  const nowMs = ctx.clock.nowMs();
  const recent = (ctx.reportCalls.get(groupCode) ?? []).filter((at) => at > nowMs - 1000);
  const over = recent.length >= Math.max(1, kktCount);
  if (!over) recent.push(nowMs);
  ctx.reportCalls.set(groupCode, recent);
  return over;
}
