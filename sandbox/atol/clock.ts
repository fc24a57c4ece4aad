/**
 * Virtual time: a base clock (real time unless the caller passes its own) plus an offset that only
 * grows. Tests move it with advanceClock() instead of sleeping; everything time-based in the
 * sandbox (token lifetime, processing delay, queue timeout, shifts, timestamps) reads this clock.
 */
export class VirtualClock {
  private offsetMs: number;

  constructor(
    private readonly base: () => number = Date.now,
    start?: Date,
  ) {
    this.offsetMs = start ? start.getTime() - base() : 0;
  }

  nowMs(): number {
    return this.base() + this.offsetMs;
  }

  advance(ms: number): void {
    if (ms > 0) this.offsetMs += ms;
  }

  /** Moves forward to `ms` if that is later than now; never backwards. */
  advanceTo(ms: number): void {
    this.advance(ms - this.nowMs());
  }
}

/** Moscow has been UTC+3 all year since 2014; ATOL answers in Moscow time (docs/atol-protocol.md#timestamps, [LOG]). */
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;

const two = (n: number) => String(n).padStart(2, '0');

/** `dd.mm.yyyy HH:MM:SS` in Moscow time, as in every ATOL answer. */
export function atolTimestamp(ms: number): string {
  const d = new Date(ms + MOSCOW_OFFSET_MS);
  return `${atolDateOf(d)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** `dd.mm.yyyy` of the Moscow calendar day. */
export function moscowDate(ms: number): string {
  return atolDateOf(new Date(ms + MOSCOW_OFFSET_MS));
}

function atolDateOf(shifted: Date): string {
  return `${two(shifted.getUTCDate())}.${two(shifted.getUTCMonth() + 1)}.${shifted.getUTCFullYear()}`;
}

const TIMESTAMP = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/**
 * A request `timestamp` read as Moscow time, or undefined when it is not `dd.mm.yyyy HH:MM:SS`
 * with a real calendar date. Hour 24 is allowed (docs/atol-protocol.md#timestamps: hours 00–24), but only as 24:00:00.
 */
export function parseAtolTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [day, month, year, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  const dayStart = calendarDay(day, month, year);
  return dayStart === undefined ? undefined : dayStart + ((hour * 60 + minute) * 60 + second) * 1000 - MOSCOW_OFFSET_MS;
}

/** A `dd.mm.yyyy` date (correction base_date) as the UTC ms of its start, or undefined. */
export function parseAtolDate(text: string): number | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [day, month, year] = match.slice(1).map(Number) as [number, number, number];
  return calendarDay(day, month, year);
}

function calendarDay(day: number, month: number, year: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (year < 2000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms;
}
