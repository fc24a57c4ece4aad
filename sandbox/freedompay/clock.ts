import { DateTime } from 'luxon';

/**
 * Virtual time: real time plus an offset that only grows. Tests move it with advanceClock() instead
 * of sleeping; everything time-based in the sandbox (lifetimes, retries, auto-clearing, card
 * expiry, dates in messages) reads this clock and nothing else.
 */
export class VirtualClock {
  private offsetMs: number;

  constructor(start?: Date) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (ms > 0) this.offsetMs += ms;
  }

  /** Moves forward to `ms` if that is later than now; never backwards. */
  advanceTo(ms: number): void {
    this.advance(ms - this.nowMs());
  }
}

/**
 * `YYYY-MM-DD HH:MM:SS` as in Merchant API fields. The zone is not stated anywhere
 * (docs/freedompay-protocol.md#amounts-and-dates, unverified); the gateway is in Kazakhstan, so Almaty time by
 * default.
 */
export function gatewayDate(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toFormat('yyyy-LL-dd HH:mm:ss');
}
