import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorise, now, readJson, refuse } from './api-request.js';
import { checkArithmetic } from './arithmetic.js';
import type { SandboxContext } from './context.js';
import type { AtolError } from './errors.js';
import { progress } from './progress.js';
import { describeIssues, type Issue, type Json } from './schema-checks.js';
import type { Receipt } from './store.js';
import type { AtolOperation } from './types.js';
import { type CheckedDocument, OPERATIONS, validateDocument } from './validate-document.js';

/**
 * POST {base}/{group_code}/{operation} (docs/atol-protocol.md#endpoints, #receipt-body, #answers): checks the caller, the operation
 * and the body; registers the document in `wait`, or answers why not. Nothing is stored for a
 * refused request, so it may be resent with the same external_id.
 */
export function register(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, groupCode: string, operation: string): FastifyReply {
  const auth = authorise(ctx, request, groupCode);
  if (!auth.ok) return refuse(ctx, reply, auth.code);
  if (!(OPERATIONS as readonly string[]).includes(operation)) return refuse(ctx, reply, 31, [operation]);
  const read = readJson(request);
  if (!read.ok) return refuse(ctx, reply, read.code, read.args);

  const { settings } = ctx;
  const checked = validateDocument(read.body, operation as AtolOperation, settings);
  const issues: Issue[] = checked.doc ? [...timestampIssues(ctx, checked.doc), ...checkArithmetic(checked.doc, settings)] : checked.issues;
  if (issues.length > 0 || !checked.doc) return refuse(ctx, reply, 32, [describeIssues(issues)]);
  const doc = checked.doc;

  const existing = ctx.store.byExternalId(groupCode, doc.externalId);
  if (existing && !(settings.reuseExternalIdAfterFail && existing.status === 'fail')) {
    if (settings.duplicateExternalId === 'return-existing') return accepted(ctx, reply, existing.uuid);
    const uuid = settings.duplicateExternalId === 'error-with-uuid' ? { uuid: existing.uuid } : {};
    return refuse(ctx, reply, 33, [doc.externalId, groupCode], uuid);
  }

  const receipt = store(ctx, groupCode, operation as AtolOperation, doc, read.body as Json);
  if (ctx.faults.dropAfterRegister > 0) {
    ctx.faults.dropAfterRegister -= 1;
    // Registered, but the shop never hears so: it must resend the same external_id (docs/atol-protocol.md#external-id).
    request.raw.socket.destroy();
    return reply.hijack();
  }
  // doneAfterMs 0: finished right after the answer, as a busy real queue might do it.
  setImmediate(() => progress(ctx));
  return accepted(ctx, reply, receipt.uuid);
}

function accepted(ctx: SandboxContext, reply: FastifyReply, uuid: string): FastifyReply {
  return reply.code(200).type('application/json; charset=utf-8').send({ uuid, status: 'wait', error: null, timestamp: now(ctx) });
}

/** Whether a stale or future request timestamp is refused is UNVERIFIED: off unless timestampWindow is set. */
function timestampIssues(ctx: SandboxContext, doc: CheckedDocument): Issue[] {
  const window = ctx.settings.timestampWindow;
  if (!window) return [];
  const nowMs = ctx.clock.nowMs();
  return doc.timestampMs < nowMs - window.pastMs || doc.timestampMs > nowMs + window.futureMs ? [{ kind: 'TimestampOutOfRange', path: '/timestamp' }] : [];
}

function store(ctx: SandboxContext, groupCode: string, operation: AtolOperation, doc: CheckedDocument, body: Json): Receipt {
  const nowMs = ctx.clock.nowMs();
  const kktCount = Math.max(1, ctx.groups.get(groupCode)?.kktCount ?? 1);
  const inGroup = ctx.store.all().filter((receipt) => receipt.groupCode === groupCode).length;
  const receipt: Receipt = {
    uuid: randomUUID(),
    groupCode,
    operation,
    externalId: doc.externalId,
    request: structuredClone(body),
    registeredAtMs: nowMs,
    dueAtMs: nowMs + ctx.settings.doneAfterMs,
    status: 'wait',
    callbackUrl: doc.callbackUrl,
    // Not an error: the document is registered, only the callback is skipped (docs/atol-protocol.md#callback).
    warnings: doc.callbackUrl !== '' && !ctx.settings.callbackUrlPattern.test(doc.callbackUrl) ? { callback_url: 'callback_url не соответствует маске' } : null,
    error: null,
    payload: null,
    deviceCode: `KKT${String((inGroup % kktCount) + 1).padStart(6, '0')}`,
  };
  const planned = takeFailNext(ctx);
  if (planned) receipt.plannedError = planned;
  ctx.store.add(receipt);
  ctx.log.info({ uuid: receipt.uuid, groupCode, operation }, 'document registered');
  return receipt;
}

function takeFailNext(ctx: SandboxContext): AtolError | undefined {
  const fail = ctx.faults.failNext;
  if (!fail) return undefined;
  const left = (fail.count ?? 1) - 1;
  ctx.faults.failNext = left > 0 ? { ...fail, count: left } : null;
  return { ...(fail.type === 'system' || fail.type === 'timeout' ? { error_id: randomUUID() } : {}), code: fail.code, text: fail.text ?? 'Ошибка ККТ (песочница)', type: fail.type ?? 'driver' };
}
