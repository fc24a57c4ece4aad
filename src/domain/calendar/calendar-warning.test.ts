import { describe, expect, it } from 'vitest';
import { calendarWarningText, warningHidden, warningHiddenUntil, yearToCheck } from './calendar-warning.js';

// Moscow is UTC+3: 2026-11-30T21:00Z is already 1 December there.
const warningOn = (now: string, status: 'final' | 'provisional' | undefined) => {
  const year = yearToCheck(new Date(now));
  return year === null ? null : calendarWarningText(year, status);
};

describe('the calendar warning', () => {
  it('is silent until 30 November ends in Moscow', () => {
    expect(warningOn('2026-11-30T20:59:59Z', undefined)).toBeNull();
    expect(warningOn('2026-06-15T12:00:00Z', 'provisional')).toBeNull();
  });

  it('warns from 1 December when next year is provisional', () => {
    expect(warningOn('2026-11-30T21:00:00Z', 'provisional')).toBe(
      'Производственный календарь на 2027 год предварительный (постановление о переносе выходных не внесено): сроки звонков клиентам в январе 2027 года могут быть неверны. Проверьте календарь в разделе «Календарь».',
    );
  });

  it('warns when next year is missing', () => {
    expect(warningOn('2027-12-31T20:00:00Z', undefined)).toMatch(/^Производственный календарь на 2028 год не загружен: сроки звонков клиентам в январе 2028 года/);
  });

  it('is silent when next year is final', () => {
    expect(warningOn('2026-12-15T09:00:00Z', 'final')).toBeNull();
  });

  it('stops with the new year', () => {
    expect(yearToCheck(new Date('2026-12-31T20:59:59Z'))).toBe(2027);
    expect(yearToCheck(new Date('2026-12-31T21:00:00Z'))).toBeNull();
  });
});

describe('«Скрыть на неделю»', () => {
  const pressed = new Date('2026-12-01T07:00:00Z');

  it('hides the warning for seven days from the moment it was pressed', () => {
    const until = warningHiddenUntil(pressed);
    expect(until.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    expect(warningHidden(until, new Date('2026-12-08T06:59:59Z'))).toBe(true);
    expect(warningHidden(until, new Date('2026-12-08T07:00:00Z'))).toBe(false);
  });

  it('hides nothing for a member who never pressed it', () => {
    expect(warningHidden(null, pressed)).toBe(false);
  });
});
