import { readFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * CPU time the run costs, read from the kernel's accounting (/proc/PID/stat, Linux): the app's
 * processes by pid, and the PostgreSQL backends serving the scratch database, sampled every second
 * (connections come and go; each backend counts from its first sample to its last).
 */
export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number }>();
  private readonly start = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: pg.Pool,
    private readonly database: string,
    private readonly processes: { label: string; pid: number }[],
  ) {}

  begin(): void {
    for (const { pid } of this.processes) this.start.set(pid, cpuMs(pid) ?? 0);
    void this.sample();
    this.timer = setInterval(() => void this.sample(), 1000);
  }

  /** CPU milliseconds since begin(): each app process, and the database backends together. */
  async end(): Promise<{ label: string; ms: number }[]> {
    clearInterval(this.timer);
    await this.sample();
    const apps = this.processes.map(({ label, pid }) => ({ label, ms: (cpuMs(pid) ?? 0) - (this.start.get(pid) ?? 0) }));
    const database = [...this.backends.values()].reduce((sum, backend) => sum + backend.last - backend.first, 0);
    return [...apps, { label: `PostgreSQL (${this.backends.size} backends)`, ms: database }];
  }

  private async sample(): Promise<void> {
    const { rows } = await this.db.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [this.database]).catch(() => ({ rows: [] }));
    for (const { pid } of rows) {
      const ms = cpuMs(pid);
      if (ms === undefined) continue;
      const known = this.backends.get(pid);
      if (known) known.last = ms;
      else this.backends.set(pid, { first: ms, last: ms });
    }
  }
}

/** utime + stime of a process in milliseconds, or undefined once it is gone (or not on Linux). */
function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux
