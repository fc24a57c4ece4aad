import { describe, expect, it } from 'vitest';
import { countOf, plural, words } from './plural.js';

describe('plural', () => {
  it.each([
    [0, 'дней'],
    [1, 'день'],
    [2, 'дня'],
    [4, 'дня'],
    [5, 'дней'],
    [11, 'дней'],
    [12, 'дней'],
    [14, 'дней'],
    [15, 'дней'],
    [21, 'день'],
    [22, 'дня'],
    [25, 'дней'],
    [101, 'день'],
    [111, 'дней'],
    [112, 'дней'],
    [1002, 'дня'],
  ])('%i → %s', (n, form) => {
    expect(plural(n, words.day)).toBe(form);
  });

  it('puts the number before its word, for hours and minutes too', () => {
    expect(countOf(1, words.hour)).toBe('1 час');
    expect(countOf(3, words.hour)).toBe('3 часа');
    expect(countOf(8, words.hour)).toBe('8 часов');
    expect(countOf(21, words.minute)).toBe('21 минута');
    expect(countOf(42, words.minute)).toBe('42 минуты');
    expect(countOf(13, words.minute)).toBe('13 минут');
  });
});
