import { describe, expect, it } from 'vitest';
import { dayInWords, deadlineInWords } from './deadline-words.js';

const msk = (local: string) => new Date(`${local}+03:00`);

describe('dayInWords', () => {
  it.each([
    ['2026-12-07', 'в понедельник, 7 декабря'],
    ['2026-12-08', 'во вторник, 8 декабря'],
    ['2026-12-09', 'в среду, 9 декабря'],
    ['2026-12-10', 'в четверг, 10 декабря'],
    ['2026-12-11', 'в пятницу, 11 декабря'],
    ['2026-12-12', 'в субботу, 12 декабря'],
    ['2026-12-13', 'в воскресенье, 13 декабря'],
  ])('names %s with its weekday in the accusative: %s', (date, words) => {
    expect(dayInWords(msk(`${date}T12:00`), msk('2026-12-06T12:00'))).toBe(words);
  });

  it('adds the year only when it is not the current one, across the new year', () => {
    expect(dayInWords(msk('2027-01-02T10:00'), msk('2026-12-31T18:00'))).toBe('в субботу, 2 января 2027 г.');
    expect(dayInWords(msk('2026-12-31T10:00'), msk('2026-12-31T18:00'))).toBe('в четверг, 31 декабря');
    // Moscow is already in 2027 while UTC is still in 2026.
    expect(dayInWords(msk('2027-01-01T00:30'), msk('2027-01-01T00:10'))).toBe('в пятницу, 1 января');
  });

  it('takes the day in Moscow, not UTC: 00:30 on the 25th in Moscow is the 24th in UTC', () => {
    expect(dayInWords(msk('2026-11-25T00:30'), msk('2026-11-24T12:00'))).toBe('в среду, 25 ноября');
    expect(dayInWords(msk('2026-11-24T23:59'), msk('2026-11-24T12:00'))).toBe('во вторник, 24 ноября');
  });
});

describe('deadlineInWords', () => {
  it.each([
    ['2026-11-24T12:20', '2026-11-24T11:20', 'во вторник, 24 ноября, до 12:20'],
    ['2026-11-25T10:00', '2026-11-24T17:00', 'в среду, 25 ноября, до 10:00'],
    ['2026-11-30T10:00', '2026-11-27T17:30', 'в понедельник, 30 ноября, до 10:00'],
    ['2026-12-01T10:00', '2026-11-28T12:00', 'во вторник, 1 декабря, до 10:00'],
    ['2026-03-11T10:00', '2026-03-06T17:10', 'в среду, 11 марта, до 10:00'],
    ['2027-01-11T10:00', '2026-12-30T17:10', 'в понедельник, 11 января 2027 г., до 10:00'],
  ])('for an email: %s seen at %s → %s, never «сегодня» or «завтра»', (deadline, now, words) => {
    expect(deadlineInWords(msk(deadline), msk(now))).toBe(words);
  });

  it.each([
    ['2026-11-24T12:20', '2026-11-24T11:20', 'сегодня, во вторник, 24 ноября, до 12:20'],
    ['2026-11-25T10:00', '2026-11-24T17:00', 'завтра, в среду, 25 ноября, до 10:00'],
    ['2026-11-26T10:00', '2026-11-24T17:00', 'в четверг, 26 ноября, до 10:00'],
    ['2027-01-01T10:00', '2026-12-31T23:59', 'завтра, в пятницу, 1 января 2027 г., до 10:00'],
  ])('for a page: %s seen at %s → %s', (deadline, now, words) => {
    expect(deadlineInWords(msk(deadline), msk(now), { near: true })).toBe(words);
  });

  it('counts «сегодня» by the Moscow day: just after Moscow midnight is a new day', () => {
    // 00:30 Moscow on the 25th is still the 24th in UTC.
    expect(deadlineInWords(msk('2026-11-25T10:00'), msk('2026-11-25T00:30'), { near: true })).toBe('сегодня, в среду, 25 ноября, до 10:00');
    expect(deadlineInWords(msk('2026-11-25T10:00'), msk('2026-11-24T23:59'), { near: true })).toBe('завтра, в среду, 25 ноября, до 10:00');
  });
});
