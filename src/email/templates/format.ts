import { DateTime } from 'luxon';

/** A moment as Moscow wall-clock time in Russian: «24 ноября 2026 в 11:20». */
export function moscowDateTime(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'Europe/Moscow' }).setLocale('ru').toFormat("d MMMM yyyy 'в' HH:mm");
}
