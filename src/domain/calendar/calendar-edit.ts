import { DateTime } from 'luxon';
import { ZONE, type CalendarDay, type CalendarDayKind } from './business-calendar.js';

// The calendar editor works with days, not rows: a day is one of these types, each stored as one or
// two calendar_days kinds (a transferred working Saturday can also be a pre-holiday short day).

export const dayTypes = {
  holiday: { label: 'Праздник', kinds: ['holiday'] },
  transfer_day_off: { label: 'Перенесённый выходной', kinds: ['transfer_day_off'] },
  working_saturday: { label: 'Рабочая суббота', kinds: ['working_saturday'] },
  short_day: { label: 'Сокращённый день (до 17:00)', kinds: ['short_day'] },
  short_working_saturday: { label: 'Рабочая суббота, сокращённая (до 17:00)', kinds: ['working_saturday', 'short_day'] },
} as const satisfies Record<string, { label: string; kinds: readonly CalendarDayKind[] }>;

export type DayType = keyof typeof dayTypes;
export const isDayType = (value: unknown): value is DayType => typeof value === 'string' && Object.hasOwn(dayTypes, value);

/** The type of a day from its stored kinds; null for a combination the editor never writes. */
export function dayTypeOf(kinds: readonly CalendarDayKind[]): DayType | null {
  const key = [...kinds].sort().join('+');
  const found = (Object.keys(dayTypes) as DayType[]).find((type) => [...dayTypes[type].kinds].sort().join('+') === key);
  return found ?? null;
}

/** The marked days of a calendar, one entry per date with its type, in date order. */
export function markedDays(days: readonly CalendarDay[]): { date: string; type: DayType | null; kinds: CalendarDayKind[] }[] {
  const byDate = new Map<string, CalendarDayKind[]>();
  for (const day of days) byDate.set(day.date, [...(byDate.get(day.date) ?? []), day.kind]);
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, kinds]) => ({ date, kinds, type: dayTypeOf(kinds) }));
}

const weekdayNames = ['', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

export type DayCheck = { ok: true; date: string; type: DayType } | { ok: false; errors: { date?: string; type?: string } };

/**
 * A day an admin marks in the calendar of `year`: a real date of that year, and a type that makes
 * sense on its weekday. A holiday may fall on any day (on a weekend it is what causes a transfer).
 */
export function checkCalendarDay(year: number, dateInput: string, typeInput: string): DayCheck {
  const date = parseDate(dateInput);
  if (!isDayType(typeInput)) return { ok: false, errors: { type: 'Выберите, что это за день.', ...(date ? {} : { date: dateError(dateInput) }) } };
  if (!date) return { ok: false, errors: { date: dateError(dateInput) } };
  const shown = `${date.toFormat('dd.MM.yyyy')} — ${weekdayNames[date.weekday]}`;
  if (date.year !== year) return { ok: false, errors: { date: `Вы редактируете календарь на ${year} год, а дата ${date.toFormat('dd.MM.yyyy')} — из ${date.year} года.` } };
  const weekend = date.weekday >= 6;
  if ((typeInput === 'working_saturday' || typeInput === 'short_working_saturday') && date.weekday !== 6) {
    return { ok: false, errors: { type: `Рабочей субботой может быть только суббота, а ${shown}.` } };
  }
  if (typeInput === 'transfer_day_off' && weekend) {
    return { ok: false, errors: { type: `Выходной переносят на будний день, а ${shown}: этот день и так выходной.` } };
  }
  if (typeInput === 'short_day' && weekend) {
    const hint = date.weekday === 6 ? ' Если эта суббота рабочая и сокращённая, выберите «Рабочая суббота, сокращённая».' : '';
    return { ok: false, errors: { type: `Сокращённым бывает только рабочий день, а ${shown}.${hint}` } };
  }
  return { ok: true, date: date.toISODate()!, type: typeInput };
}

/** «2026-03-09» from a date field, or «09.03.2026» typed by hand. */
function parseDate(input: string): DateTime | null {
  const text = input.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(text, { zone: ZONE })
    : /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text)
      ? DateTime.fromFormat(text, 'd.M.yyyy', { zone: ZONE })
      : null;
  return parsed?.isValid ? parsed : null;
}

const dateError = (input: string) => (input.trim() ? 'Такой даты нет: укажите дату в виде 09.03.2026.' : 'Укажите дату.');

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export type YearCheck = { ok: true; year: number } | { ok: false; error: string };

/** A year to add: four digits, in a sane range, not yet in the calendar. */
export function checkNewYear(input: string, knownYears: readonly number[]): YearCheck {
  const text = input.trim();
  if (!/^\d{4}$/.test(text)) return { ok: false, error: 'Укажите год четырьмя цифрами, например 2028.' };
  const year = Number(text);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, error: `Год должен быть от ${FIRST_YEAR} до ${LAST_YEAR}.` };
  if (knownYears.includes(year)) return { ok: false, error: `Календарь на ${year} год уже есть: откройте его в списке лет.` };
  return { ok: true, year };
}

/**
 * The non-working public holidays of the Labour Code (art. 112: 1–8 January, 23 February, 8 March,
 * 1 and 9 May, 12 June, 4 November), the same every year. A new year starts from them; the transfers
 * come from the Government's decree and are added by hand.
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  const dates = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-01', '05-09', '06-12', '11-04'];
  return dates.map((monthDay) => ({ date: `${year}-${monthDay}`, kind: 'holiday' }));
}
