import type { VirtualClock } from './clock.js';

interface Task {
  dueMs: number;
  run: () => Promise<void>;
}

/**
 * Work that waits for virtual time: result-callback retries and delayed callbacks. Nothing here
 * sleeps: a task runs when the clock passes its due time, either because a test called
 * advanceClock() or because the real-time tick of a listening sandbox found it due.
 */
export class Scheduler {
  private tasks: Task[] = [];
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly onError: (error: unknown) => void,
    /** Runs before due tasks: state changes that need no delivery (lifetime expiry, auto-clearing). */
    private readonly housekeeping: () => void,
  ) {}

  at(dueMs: number, run: () => Promise<void>): void {
    this.tasks.push({ dueMs, run });
  }

  /** Starts every task that is due now and waits for them (and for anything else still running). */
  async runDue(): Promise<void> {
    this.housekeeping();
    const now = this.clock.nowMs();
    const due = this.tasks.filter((task) => task.dueMs <= now);
    // Taken off the list before they start, so the tick and advanceClock() never run one twice.
    this.tasks = this.tasks.filter((task) => task.dueMs > now);
    for (const task of due) this.track(task.run());
    await this.idle();
  }

  /**
   * Moves the clock forward in steps, stopping at every due time on the way, so a two-hour jump
   * runs all four half-hourly retries at their own (virtual) moments rather than one at the end.
   */
  async advance(ms: number): Promise<void> {
    const target = this.clock.nowMs() + Math.max(0, ms);
    for (let guard = 0; guard < 100_000; guard++) {
      const next = Math.min(...this.tasks.map((task) => task.dueMs));
      if (!(next <= target)) break;
      this.clock.advanceTo(next);
      await this.runDue();
    }
    this.clock.advanceTo(target);
    await this.runDue();
  }

  /** Keeps a started delivery visible to advanceClock(), which waits for it. */
  track(promise: Promise<void>): void {
    const tracked = promise.catch(this.onError).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  clear(): void {
    this.tasks = [];
  }
}
