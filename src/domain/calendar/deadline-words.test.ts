import { describe, expect, it } from 'vitest';
import { deadlineInWords } from './deadline-words.js';

const msk = (local: string) => new Date(`${local}+03:00`);

describe('deadlineInWords', () => {
  it.each([
    ['2026-11-24T12:20', '2026-11-24T11:20', 'сегодня до 12:20'],
    ['2026-11-25T10:00', '2026-11-24T17:00', 'завтра до 10:00'],
    ['2026-11-30T10:00', '2026-11-27T17:30', 'в понедельник, 30 ноября, до 10:00'],
    ['2026-12-01T10:00', '2026-11-28T12:00', 'во вторник, 1 декабря, до 10:00'],
    ['2026-03-11T10:00', '2026-03-06T17:10', 'в среду, 11 марта, до 10:00'],
  ])('%s seen at %s → %s', (deadline, now, words) => {
    expect(deadlineInWords(msk(deadline), msk(now))).toBe(words);
  });

  it('counts days in Moscow, not UTC', () => {
    // 00:30 Moscow on the 25th is still the 24th in UTC.
    expect(deadlineInWords(msk('2026-11-25T10:00'), msk('2026-11-25T00:30'))).toBe('сегодня до 10:00');
  });
});
