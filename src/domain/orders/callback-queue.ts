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

/** A span of whole minutes in short Russian words: «42 мин», «1 ч 5 мин», «3 ч», «2 дн 4 ч». */
export function durationWords(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  // Beyond a day, minutes are noise: the deadline is the next working morning anyway.
  if (days > 0) return hours > 0 ? `${days} дн ${hours} ч` : `${days} дн`;
  if (hours > 0) return rest > 0 ? `${hours} ч ${rest} мин` : `${hours} ч`;
  return `${rest} мин`;
}

export interface Countdown {
  overdue: boolean;
  /** Whole minutes left (rounded up) or past the deadline (at least 1 once it has passed). */
  minutes: number;
  text: string;
}

/** «осталось 42 мин» before the deadline; «просрочено на 1 ч 5 мин» from the deadline on. */
export function callbackCountdown(due: Date, now: Date): Countdown {
  const ms = due.getTime() - now.getTime();
  if (ms > 0) {
    const minutes = Math.ceil(ms / 60_000);
    return { overdue: false, minutes, text: `осталось ${durationWords(minutes)}` };
  }
  const minutes = Math.max(1, Math.floor(-ms / 60_000));
  return { overdue: true, minutes, text: `просрочено на ${durationWords(minutes)}` };
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
