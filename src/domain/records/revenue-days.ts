import { DateTime } from 'luxon';
import { ZONE } from '../calendar/business-calendar.js';

// Money taken per Moscow day, for the dashboard: card payments (payment attempts, by the moment they
// were paid) less the money given back (succeeded cancellations and refunds, by the moment they
// succeeded). A day can be negative when a refund outweighs that day's payments.

export interface RevenueWindow {
  /** Start of the first day (inclusive) and end of today (exclusive), as instants. */
  from: Date;
  to: Date;
  /** The Moscow dates of the window, oldest first, today last. */
  dates: string[];
}

/** The `days` Moscow days ending with today. */
export function revenueWindow(now: Date, days: number): RevenueWindow {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const first = today.minus({ days: days - 1 });
  const dates = Array.from({ length: days }, (_, i) => first.plus({ days: i }).toISODate()!);
  return { from: first.toJSDate(), to: today.plus({ days: 1 }).toJSDate(), dates };
}

export interface RevenueDay {
  date: string;
  paidKopecks: number;
  returnedKopecks: number;
  netKopecks: number;
}

/** One entry per date of the window (zero when nothing happened), from sums keyed by Moscow date. */
export function revenueDays(dates: readonly string[], paid: ReadonlyMap<string, number>, returned: ReadonlyMap<string, number>): RevenueDay[] {
  return dates.map((date) => {
    const paidKopecks = paid.get(date) ?? 0;
    const returnedKopecks = returned.get(date) ?? 0;
    return { date, paidKopecks, returnedKopecks, netKopecks: paidKopecks - returnedKopecks };
  });
}
