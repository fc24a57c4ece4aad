import { DateTime } from 'luxon';
import { ZONE, type BusinessCalendar } from '../calendar/business-calendar.js';

// Acceptance of work (docs/back-office.md#acceptance-of-work): staff hand the work over, the client has
// N working days to accept it or make remarks; silence until the deadline accepts it (the offer's
// clause «Приёмка услуг» states the same N, from the one setting ACCEPTANCE_WORKING_DAYS).

/** How a hand-over ended: still waiting, accepted in the account, sent back with remarks, accepted by silence. */
export const handoverStates = ['waiting', 'accepted', 'remarks', 'accepted_by_silence'] as const;
export type HandoverState = (typeof handoverStates)[number];

export const handoverStateNames: Record<HandoverState, string> = {
  waiting: 'ждёт приёмки клиентом',
  accepted: 'клиент принял работу',
  remarks: 'клиент прислал замечания',
  accepted_by_silence: 'принято без замечаний по истечении срока',
};

/**
 * The end of the acceptance period: 24:00 Moscow of the N-th working day after the day of the hand-over
 * (a period in days starts the next day and ends at midnight of its last day, ГК РФ ст. 191, 194).
 * Working days are those of the working calendar, transferred working Saturdays included.
 */
export function acceptanceDeadline(handedOverAt: Date, calendar: BusinessCalendar, workingDays: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a positive integer, got ${workingDays}`);
  let day = DateTime.fromJSDate(handedOverAt, { zone: ZONE }).startOf('day');
  // A year bounds a broken calendar (Russian ones never stop work for more than a few weeks).
  for (let counted = 0, n = 0; n < 366; n++) {
    day = day.plus({ days: 1 });
    if (calendar.hoursOf(day.toISODate()!) && ++counted === workingDays) return day.plus({ days: 1 }).toJSDate();
  }
  throw new Error(`No ${workingDays} working days within a year after ${handedOverAt.toISOString()}`);
}

/** The last day to answer, for people: «14 января 2027 г.» (the deadline is the midnight after it). */
export function lastAcceptanceDay(deadline: Date): string {
  return DateTime.fromJSDate(new Date(deadline.getTime() - 1), { zone: ZONE }).setLocale('ru').toFormat("d MMMM yyyy 'г.'");
}

const genitive = [
  '',
  'одного',
  'двух',
  'трёх',
  'четырёх',
  'пяти',
  'шести',
  'семи',
  'восьми',
  'девяти',
  'десяти',
  'одиннадцати',
  'двенадцати',
  'тринадцати',
  'четырнадцати',
  'пятнадцати',
  'шестнадцати',
  'семнадцати',
  'восемнадцати',
  'девятнадцати',
  'двадцати',
];

/** «5 (пяти) рабочих дней», «1 (одного) рабочего дня», «21 (двадцати одного) рабочего дня»: after «в течение». */
export function acceptancePeriodWords(workingDays: number): string {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > 30) throw new RangeError(`1..30 working days, got ${workingDays}`);
  const words = workingDays <= 20 ? genitive[workingDays] : workingDays === 30 ? 'тридцати' : `двадцати ${genitive[workingDays - 20]}`;
  const singular = workingDays % 10 === 1 && workingDays !== 11;
  return `${workingDays} (${words}) ${singular ? 'рабочего дня' : 'рабочих дней'}`;
}

export const REMARKS_MAX = 2000;

export type RemarksCheck = { ok: true; remarks: string } | { ok: false; error: string };

/** «Есть замечания»: what is missing or wrong, required, in the client's words. */
export function checkRemarks(value: unknown): RemarksCheck {
  const remarks = (typeof value === 'string' ? value : '').replace(/\r\n?/g, '\n').trim();
  if (remarks === '') return { ok: false, error: 'Напишите, что не сделано или сделано не так: менеджер исправит это и сдаст работу снова.' };
  if (remarks.length > REMARKS_MAX) return { ok: false, error: `Замечания слишком длинные: не больше ${REMARKS_MAX} символов.` };
  return { ok: true, remarks };
}
