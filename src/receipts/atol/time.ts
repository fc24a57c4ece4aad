import { DateTime } from 'luxon';

// ATOL's date-times are `dd.mm.yyyy HH:MM:SS`, Moscow wall-clock time (docs/atol-protocol.md#timestamps).

const ZONE = 'Europe/Moscow';
const FORMAT = 'dd.MM.yyyy HH:mm:ss';

/** The moment as ATOL writes it: «05.02.2026 12:00:01» (Moscow). */
export function atolTimestamp(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toFormat(FORMAT);
}

/** «05.02.2026 12:00:07» (Moscow) → the moment; null when it is not such a value. «24:00:00» is the next day's midnight. */
export function parseAtolTimestamp(text: string): Date | null {
  const match = /^(\d{2}\.\d{2}\.\d{4}) 24:00:00$/.exec(text);
  const moment = match ? DateTime.fromFormat(`${match[1]} 00:00:00`, FORMAT, { zone: ZONE }).plus({ days: 1 }) : DateTime.fromFormat(text, FORMAT, { zone: ZONE });
  return moment.isValid ? moment.toJSDate() : null;
}
