import { scheduleCallback } from './callbacks.js';
import { type SandboxContext, track } from './context.js';
import { nextChangeMs, processDue } from './fiscal.js';

/**
 * Moves the sandbox up to its clock: finishes due documents (sending their callbacks) and starts
 * callbacks that were waiting for virtual time. Called by the real-time tick, by every report
 * request and by advanceClock(), so nothing depends on which comes first.
 */
export function progress(ctx: SandboxContext): void {
  for (const receipt of processDue(ctx)) scheduleCallback(ctx, receipt);
  const now = ctx.clock.nowMs();
  const due = ctx.later.filter((task) => task.dueMs <= now);
  // Taken off the list before they start, so the tick and advanceClock() never run one twice.
  ctx.later = ctx.later.filter((task) => task.dueMs > now);
  for (const task of due) track(ctx, task.run());
}

export async function idle(ctx: SandboxContext): Promise<void> {
  while (ctx.running.size > 0) await Promise.allSettled([...ctx.running]);
}

/** Steps the clock through every moment something is due on the way, so each happens at its own time. */
export async function advanceClock(ctx: SandboxContext, ms: number): Promise<void> {
  const target = ctx.clock.nowMs() + Math.max(0, ms);
  for (let guard = 0; guard < 100_000; guard++) {
    const now = ctx.clock.nowMs();
    const next = Math.min(nextChangeMs(ctx, now), ...ctx.later.map((task) => task.dueMs));
    if (!(next <= target)) break;
    ctx.clock.advanceTo(next);
    progress(ctx);
    await idle(ctx);
  }
  ctx.clock.advanceTo(target);
  progress(ctx);
  await idle(ctx);
}
