import { describe, expect, it } from 'vitest';
import { formatHours, hoursBalance, parseHours } from './work-hours.js';

const entry = { allowZero: false, maxMinutes: 24 * 60, tooMany: 'Не больше 24 ч в одной записи.' };
const spec = { allowZero: true, maxMinutes: 1000 * 60, tooMany: 'Не больше 1000 ч.' };

describe('parseHours', () => {
  it.each([
    ['1,5', 90],
    ['1.5', 90],
    [' 2 ', 120],
    ['0,25', 15],
    ['0,75', 45],
    ['3,5', 210],
    ['1,50', 90],
    ['24', 1440],
    ['1 0', 600],
  ])('«%s» → %i minutes', (input, minutes) => {
    expect(parseHours(input, entry)).toEqual({ ok: true, minutes });
  });

  it.each([
    ['', 'Укажите количество часов, например 1,5.'],
    ['полтора', 'Введите число часов, например 1,5 или 2.'],
    ['-1', 'Введите число часов, например 1,5 или 2.'],
    ['1,5,5', 'Введите число часов, например 1,5 или 2.'],
    ['1e3', 'Введите число часов, например 1,5 или 2.'],
    ['1,333', 'Введите число часов, например 1,5 или 2.'],
    ['1,3', 'Часы указываются с точностью до четверти часа: 0,25, 0,5 или 0,75.'],
    ['0,1', 'Часы указываются с точностью до четверти часа: 0,25, 0,5 или 0,75.'],
    ['0', 'Укажите больше нуля часов.'],
    ['24,25', 'Не больше 24 ч в одной записи.'],
  ])('«%s» is refused: %s', (input, error) => {
    expect(parseHours(input, entry)).toEqual({ ok: false, error });
  });

  it('allows zero where the rules say so (a specification with no hours)', () => {
    expect(parseHours('0', spec)).toEqual({ ok: true, minutes: 0 });
    expect(parseHours('1000,25', spec)).toEqual({ ok: false, error: 'Не больше 1000 ч.' });
  });
});

describe('formatHours', () => {
  it.each([
    [90, '1,5 ч'],
    [75, '1,25 ч'],
    [600, '10 ч'],
    [0, '0 ч'],
    [1000 * 60, '1 000 ч'],
  ])('%i minutes → «%s»', (minutes, words) => expect(formatHours(minutes)).toBe(words.replace(/ /g, '\u00a0')));
});

describe('hoursBalance', () => {
  it('counts minutes beyond the included hours of an hourly service', () => {
    expect(hoursBalance(390, 5)).toEqual({ loggedMinutes: 390, includedMinutes: 300, extraMinutes: 90 });
    expect(hoursBalance(300, 5).extraMinutes).toBe(0);
    expect(hoursBalance(120, 5).extraMinutes).toBe(0);
  });
  it('has nothing extra for a fixed-price service', () => {
    expect(hoursBalance(900, null)).toEqual({ loggedMinutes: 900, includedMinutes: null, extraMinutes: 0 });
  });
});
