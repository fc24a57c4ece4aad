import { describe, expect, it } from 'vitest';
import data from '../../calendar/ru-production-calendar.json' with { type: 'json' };
import { businessCalendar, type CalendarDay } from '../calendar/business-calendar.js';
import { acceptanceDeadline, acceptancePeriodWords, checkRemarks, lastAcceptanceDay } from './acceptance.js';

const calendar = businessCalendar(Object.values(data.years).flatMap((year) => year.days as CalendarDay[]));
/** Moscow wall time → the instant. */
const msk = (local: string) => new Date(`${local}+03:00`);

describe('acceptanceDeadline: midnight after the N-th working day that follows the hand-over (Moscow)', () => {
  it.each([
    ['Friday evening → the next Friday, whole day', '2026-12-04T19:45', 5, '2026-12-12T00:00'],
    ['Friday morning counts from Monday too', '2026-12-04T09:05', 5, '2026-12-12T00:00'],
    ['Tuesday → the next Tuesday', '2026-11-24T11:20', 5, '2026-12-02T00:00'],
    ['Saturday → Monday is the first day', '2026-11-28T12:00', 1, '2026-12-01T00:00'],
    ['just before midnight is still that day', '2026-11-24T23:59', 1, '2026-11-26T00:00'],
    // 31 December 2026 is a transferred day off, 1–8 January 2027 holidays: 30.12, then 11–14.01.
    ['New Year: 29 December → 14 January', '2026-12-29T15:00', 5, '2027-01-15T00:00'],
    ['New Year: 30 December → 15 January', '2026-12-30T17:30', 5, '2027-01-16T00:00'],
    ['handed over on a holiday, 5 January', '2027-01-05T10:00', 5, '2027-01-16T00:00'],
    ['a working Saturday counts (1 November 2025)', '2025-10-31T18:00', 1, '2025-11-02T00:00'],
    ['ten working days across the May holidays 2026', '2026-04-29T12:00', 10, '2026-05-16T00:00'],
  ])('%s', (_name, handedOver, days, deadline) => {
    expect(acceptanceDeadline(msk(handedOver), calendar, days).toISOString()).toBe(msk(deadline).toISOString());
  });

  it('names the last day to answer', () => {
    expect(lastAcceptanceDay(msk('2027-01-15T00:00'))).toBe('14 января 2027 г.');
    expect(lastAcceptanceDay(msk('2026-12-12T00:00'))).toBe('11 декабря 2026 г.');
  });

  it('refuses a period that is not a positive whole number of days', () => {
    expect(() => acceptanceDeadline(msk('2026-11-24T11:20'), calendar, 0)).toThrow(RangeError);
    expect(() => acceptanceDeadline(msk('2026-11-24T11:20'), calendar, 1.5)).toThrow(RangeError);
  });
});

describe('acceptancePeriodWords: the period as the offer says it', () => {
  it.each([
    [1, '1 (одного) рабочего дня'],
    [2, '2 (двух) рабочих дней'],
    [5, '5 (пяти) рабочих дней'],
    [10, '10 (десяти) рабочих дней'],
    [11, '11 (одиннадцати) рабочих дней'],
    [21, '21 (двадцати одного) рабочего дня'],
    [25, '25 (двадцати пяти) рабочих дней'],
    [30, '30 (тридцати) рабочих дней'],
  ])('%i → %s', (days, words) => {
    expect(acceptancePeriodWords(days)).toBe(words);
  });
});

describe('checkRemarks', () => {
  it('requires the text of what is missing and keeps its lines', () => {
    expect(checkRemarks('  ')).toMatchObject({ ok: false, error: expect.stringContaining('Напишите, что не сделано') });
    expect(checkRemarks(undefined)).toMatchObject({ ok: false });
    expect(checkRemarks('Нет формы заявки.\r\nНе работает меню.')).toEqual({ ok: true, remarks: 'Нет формы заявки.\nНе работает меню.' });
    expect(checkRemarks('x'.repeat(2001))).toMatchObject({ ok: false, error: expect.stringContaining('не больше 2000') });
  });
});
