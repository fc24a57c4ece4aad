import { DateTime } from 'luxon';
import { callbackDeadline, ZONE, type BusinessCalendar } from './business-calendar.js';

// A day named so that the words stay true whenever they are read: «в понедельник, 8 декабря, до 10:00»
// (Moscow time). Emails and messages are read hours or days later, so they never say «сегодня» or
// «завтра»; a page, read as it is rendered, may add them before the date (`near`).

/** After «в»: the weekday in the accusative, Monday first (luxon's weekday 1–7). */
const weekdays = ['', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];
const months = ['', 'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «в понедельник, 8 декабря» for the Moscow day of `at`; the year is added when it is not `now`'s («2 января 2027 г.»). */
export function dayInWords(at: Date, now: Date): string {
  const day = DateTime.fromJSDate(at, { zone: ZONE });
  const year = day.year === DateTime.fromJSDate(now, { zone: ZONE }).year ? '' : ` ${day.year} г.`;
  return `${weekdays[day.weekday]}, ${day.day} ${months[day.month]}${year}`;
}

/**
 * «в понедельник, 8 декабря, до 10:00». `near` (pages only) puts «сегодня, » or «завтра, » before the
 * date when it is one of those Moscow days.
 */
export function deadlineInWords(deadline: Date, now: Date, options: { near?: boolean } = {}): string {
  const due = DateTime.fromJSDate(deadline, { zone: ZONE });
  const days = Math.round(due.startOf('day').diff(DateTime.fromJSDate(now, { zone: ZONE }).startOf('day'), 'days').days);
  const near = !options.near ? '' : days === 0 ? 'сегодня, ' : days === 1 ? 'завтра, ' : '';
  return `${near}${dayInWords(deadline, now)}, до ${due.toFormat('HH:mm')}`;
}

/** When the manager will call about an order paid at `paidAt`, in words (docs/back-office.md#callback-deadline). */
export function callbackDeadlineInWords(paidAt: Date, calendar: BusinessCalendar, now: Date, options: { near?: boolean } = {}): string {
  return deadlineInWords(callbackDeadline(paidAt, calendar), now, options);
}
