import { countOf, plural, words, type PluralForms } from '../plural.js';

// The callback queue (docs/back-office.md#callback-deadline): which paid orders a manager must call, how much time is
// left before each deadline, and whether the deadline was kept. The words here are also computed in the
// browser by public/admin-countdown.js, which must say exactly the same (a unit test compares them).

export const queueFilters = ['all', 'mine', 'unassigned', 'overdue'] as const;
export type QueueFilter = (typeof queueFilters)[number];

export const queueFilterLabels: Record<QueueFilter, string> = {
  all: 'Все',
  mine: 'Мои',
  unassigned: 'Без менеджера',
  overdue: 'Просроченные',
};

/** `?filter=`: absent or empty means all; an unknown value is null (the page says so instead of guessing). */
export function parseQueueFilter(value: unknown): QueueFilter | null {
  if (value === undefined || value === '') return 'all';
  return queueFilters.find((filter) => filter === value) ?? null;
}

type Unit = 'day' | 'hour' | 'minute';
/** After «на» (accusative) only «минута» changes: «на 1 минуту». */
const accusative: Record<Unit, PluralForms> = { ...words, minute: ['минуту', 'минуты', 'минут'] };

/** The units a span is told in. Beyond a day, minutes are noise: the deadline is the next working morning anyway. */
function spanParts(minutes: number): [number, Unit][] {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? [[days, 'day'], [hours, 'hour']] : [[days, 'day']];
  if (hours > 0) return rest > 0 ? [[hours, 'hour'], [rest, 'minute']] : [[hours, 'hour']];
  return [[rest, 'minute']];
}

/** A span of whole minutes in Russian words: «42 минуты», «1 час 5 минут», «3 часа», «2 дня 4 часа»; after «на»: «1 минуту». */
export function durationWords(minutes: number, grammaticalCase: 'nominative' | 'accusative' = 'nominative'): string {
  return spanParts(minutes)
    .map(([n, unit]) => countOf(n, grammaticalCase === 'accusative' ? accusative[unit] : words[unit]))
    .join(' ');
}

/** «осталось 42 минуты», but «осталась 1 минута», «остался 1 час»: the verb agrees with the first number. */
function timeLeft(minutes: number): string {
  const [[n, unit]] = spanParts(minutes) as [[number, Unit]];
  const verb = plural(n, ['one', 'few', 'many']) !== 'one' ? 'осталось' : unit === 'minute' ? 'осталась' : 'остался';
  return `${verb} ${durationWords(minutes)}`;
}

export interface Countdown {
  overdue: boolean;
  /** Whole minutes left (rounded up) or past the deadline (at least 1 once it has passed). */
  minutes: number;
  text: string;
}

/** «осталось 42 минуты» before the deadline; «просрочено на 1 час 5 минут» from the deadline on. */
export function callbackCountdown(due: Date, now: Date): Countdown {
  const ms = due.getTime() - now.getTime();
  if (ms > 0) {
    const minutes = Math.ceil(ms / 60_000);
    return { overdue: false, minutes, text: timeLeft(minutes) };
  }
  const minutes = Math.max(1, Math.floor(-ms / 60_000));
  return { overdue: true, minutes, text: `просрочено на ${durationWords(minutes, 'accusative')}` };
}

/**
 * The SLA of one order: kept or missed once the first contact is logged; running or overdue until then;
 * none when the order has no deadline (never paid, or paid before deadlines were stored).
 */
export type SlaStatus = 'met' | 'missed' | 'running' | 'overdue' | 'none';

export function slaStatus(order: { callbackDueAt: Date | null; firstContactAt: Date | null }, now: Date): SlaStatus {
  if (!order.callbackDueAt) return 'none';
  if (order.firstContactAt) return order.firstContactAt <= order.callbackDueAt ? 'met' : 'missed';
  return now < order.callbackDueAt ? 'running' : 'overdue';
}

export const slaStatusWords: Record<SlaStatus, string> = {
  met: 'Срок звонка соблюдён',
  missed: 'Срок звонка нарушен',
  running: 'Ждёт звонка',
  overdue: 'Звонок просрочен',
  none: 'Срок звонка не задан',
};
