import { DateTime } from 'luxon';
import { ZONE, type BusinessCalendar } from '../calendar/business-calendar.js';

// Quiet hours are the hours outside working time on the working calendar: an alert raised then waits
// until the next working day starts, unless its recipient asked for alerts at any hour.

/** When an alert raised at `now` may be delivered to someone with that preference. */
export function deliveryTime(now: Date, calendar: BusinessCalendar, workingHoursOnly: boolean): Date {
  if (!workingHoursOnly) return now;
  const moment = DateTime.fromJSDate(now, { zone: ZONE });
  // A year bounds a broken calendar (Russian ones never have more than a few weeks off in a row).
  for (let day = moment.startOf('day'), n = 0; n < 366; day = day.plus({ days: 1 }), n++) {
    const hours = calendar.hoursOf(day.toISODate()!);
    if (!hours) continue;
    const starts = day.set({ hour: hours.starts });
    const ends = day.set({ hour: hours.ends });
    if (moment < starts) return starts.toJSDate();
    if (moment < ends) return now;
  }
  throw new Error(`No working day within a year after ${moment.toISODate()}`);
}
