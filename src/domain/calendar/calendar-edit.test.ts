import { describe, expect, it } from 'vitest';
import { checkCalendarDay, checkNewYear, dayTypeOf, markedDays, statutoryHolidays } from './calendar-edit.js';

describe('checkCalendarDay', () => {
  it('accepts a holiday on any day, from a date field or typed by hand', () => {
    expect(checkCalendarDay(2026, '2026-11-24', 'holiday')).toEqual({ ok: true, date: '2026-11-24', type: 'holiday' });
    expect(checkCalendarDay(2026, '8.3.2026', 'holiday')).toEqual({ ok: true, date: '2026-03-08', type: 'holiday' });
  });

  it('keeps to the year being edited', () => {
    expect(checkCalendarDay(2026, '2027-01-11', 'holiday')).toEqual({
      ok: false,
      errors: { date: 'Вы редактируете календарь на 2026 год, а дата 11.01.2027 — из 2027 года.' },
    });
  });

  it('refuses dates that do not exist', () => {
    expect(checkCalendarDay(2026, '2026-02-30', 'holiday')).toEqual({ ok: false, errors: { date: 'Такой даты нет: укажите дату в виде 09.03.2026.' } });
    expect(checkCalendarDay(2026, '', 'holiday')).toEqual({ ok: false, errors: { date: 'Укажите дату.' } });
    expect(checkCalendarDay(2026, 'завтра', 'nonsense')).toEqual({
      ok: false,
      errors: { date: 'Такой даты нет: укажите дату в виде 09.03.2026.', type: 'Выберите, что это за день.' },
    });
  });

  it('makes only a Saturday a working Saturday', () => {
    expect(checkCalendarDay(2025, '2025-11-01', 'short_working_saturday').ok).toBe(true);
    expect(checkCalendarDay(2026, '2026-03-10', 'working_saturday')).toEqual({
      ok: false,
      errors: { type: 'Рабочей субботой может быть только суббота, а 10.03.2026 — вторник.' },
    });
  });

  it('moves days off only onto weekdays and shortens only working days', () => {
    expect(checkCalendarDay(2026, '2026-03-07', 'transfer_day_off').ok).toBe(false);
    expect(checkCalendarDay(2026, '2026-03-09', 'transfer_day_off').ok).toBe(true);
    const saturday = checkCalendarDay(2026, '2026-03-07', 'short_day');
    expect(!saturday.ok && saturday.errors.type).toMatch(/«Рабочая суббота, сокращённая»/);
    expect(checkCalendarDay(2026, '2026-03-08', 'short_day').ok).toBe(false);
  });
});

describe('day types', () => {
  it('groups the stored kinds of a date into one type', () => {
    expect(dayTypeOf(['short_day', 'working_saturday'])).toBe('short_working_saturday');
    expect(dayTypeOf(['holiday', 'short_day'])).toBeNull();
    expect(
      markedDays([
        { date: '2025-11-03', kind: 'transfer_day_off' },
        { date: '2025-11-01', kind: 'working_saturday' },
        { date: '2025-11-01', kind: 'short_day' },
      ]),
    ).toEqual([
      { date: '2025-11-01', kinds: ['working_saturday', 'short_day'], type: 'short_working_saturday' },
      { date: '2025-11-03', kinds: ['transfer_day_off'], type: 'transfer_day_off' },
    ]);
  });
});

describe('a new year', () => {
  it('is four digits, in range, and not yet known', () => {
    expect(checkNewYear(' 2028 ', [2025, 2026, 2027])).toEqual({ ok: true, year: 2028 });
    expect(checkNewYear('2027', [2025, 2026, 2027])).toEqual({ ok: false, error: 'Календарь на 2027 год уже есть: откройте его в списке лет.' });
    expect(checkNewYear('28', []).ok).toBe(false);
    expect(checkNewYear('3028', []).ok).toBe(false);
  });

  it('starts from the Labour Code holidays', () => {
    const holidays = statutoryHolidays(2028);
    expect(holidays).toHaveLength(14);
    expect(holidays).toContainEqual({ date: '2028-11-04', kind: 'holiday' });
  });
});
