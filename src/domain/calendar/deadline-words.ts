import { DateTime } from 'luxon';
import { callbackDeadline, ZONE, type BusinessCalendar } from './business-calendar.js';

// "When will the manager call?" in the words a person would use: «сегодня до 12:20»,
// «завтра до 10:00», «в понедельник, 30 ноября, до 10:00».

const weekdays = ['', 'в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];
const months = ['', 'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export function deadlineInWords(deadline: Date, now: Date): string {
  const due = DateTime.fromJSDate(deadline, { zone: ZONE });
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const time = due.toFormat('HH:mm');
  const days = Math.round(due.startOf('day').diff(today, 'days').days);
  if (days === 0) return `сегодня до ${time}`;
  if (days === 1) return `завтра до ${time}`;
  return `${weekdays[due.weekday]}, ${due.day} ${months[due.month]}, до ${time}`;
}

/** When the manager will call about an order paid at `paidAt`, in words (docs/back-office.md#callback-deadline). */
export function callbackDeadlineInWords(paidAt: Date, calendar: BusinessCalendar, now: Date): string {
  return deadlineInWords(callbackDeadline(paidAt, calendar), now);
}
