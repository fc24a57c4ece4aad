import { describe, expect, it } from 'vitest';
import { callbackCountdown, durationWords, parseQueueFilter, slaStatus } from './callback-queue.js';

const msk = (local: string) => new Date(`${local}+03:00`);
const due = msk('2026-11-24T11:15');

describe('callbackCountdown', () => {
  it.each([
    ['2026-11-24T10:15', false, 'остался 1 час'],
    ['2026-11-24T10:33', false, 'осталось 42 минуты'],
    ['2026-11-24T10:40', false, 'осталось 35 минут'],
    ['2026-11-24T11:14:30', false, 'осталась 1 минута'],
    ['2026-11-24T11:15', true, 'просрочено на 1 минуту'],
    ['2026-11-24T11:16:59', true, 'просрочено на 1 минуту'],
    ['2026-11-24T11:18', true, 'просрочено на 3 минуты'],
    ['2026-11-24T12:20', true, 'просрочено на 1 час 5 минут'],
    ['2026-11-25T13:15', true, 'просрочено на 1 день 2 часа'],
    ['2026-11-26T19:15', true, 'просрочено на 2 дня 8 часов'],
    ['2026-11-21T11:15', false, 'осталось 3 дня'],
    ['2026-11-19T11:15', false, 'осталось 5 дней'],
  ])('at %s: overdue %s, «%s»', (now, overdue, text) => {
    const countdown = callbackCountdown(due, msk(now));
    expect(countdown.overdue).toBe(overdue);
    expect(countdown.text).toBe(text);
  });

  it('rounds the time left up, so "1 мин" means less than a minute, never zero', () => {
    expect(callbackCountdown(due, new Date(due.getTime() - 1)).text).toBe('осталась 1 минута');
    expect(callbackCountdown(due, new Date(due.getTime() - 60_001)).text).toBe('осталось 2 минуты');
  });

  it('says the same as the browser script, minute by minute over two days', async () => {
    const script = (await import(String(new URL('../../../public/admin-countdown.js', import.meta.url)))) as {
      countdown(dueMs: number, nowMs: number): { overdue: boolean; text: string };
      durationWords(minutes: number): string;
    };
    for (let offset = -48 * 60; offset <= 48 * 60; offset += 7) {
      for (const seconds of [0, 1, 59]) {
        const now = new Date(due.getTime() + offset * 60_000 + seconds * 1000);
        const { overdue, text } = callbackCountdown(due, now);
        expect(script.countdown(due.getTime(), now.getTime())).toEqual({ overdue, text });
      }
    }
    for (let minutes = 0; minutes < 5000; minutes += 13) {
      expect(script.durationWords(minutes)).toBe(durationWords(minutes));
      expect((script.durationWords as (m: number, c: string) => string)(minutes, 'accusative')).toBe(durationWords(minutes, 'accusative'));
    }
  });
});

describe('durationWords', () => {
  it.each([
    [0, '0 минут'],
    [1, '1 минута'],
    [42, '42 минуты'],
    [60, '1 час'],
    [65, '1 час 5 минут'],
    [21 * 60 + 11, '21 час 11 минут'],
    [1439, '23 часа 59 минут'],
    [1440, '1 день'],
    [1440 + 8 * 60, '1 день 8 часов'],
    [2 * 1440 + 4 * 60 + 30, '2 дня 4 часа'],
    [5 * 1440, '5 дней'],
  ])('%i min → «%s»', (minutes, words) => expect(durationWords(minutes)).toBe(words));
});

describe('parseQueueFilter', () => {
  it('takes the four filters, defaults to all, and refuses anything else', () => {
    expect(parseQueueFilter(undefined)).toBe('all');
    expect(parseQueueFilter('')).toBe('all');
    for (const filter of ['all', 'mine', 'unassigned', 'overdue']) expect(parseQueueFilter(filter)).toBe(filter);
    expect(parseQueueFilter('MINE')).toBeNull();
    expect(parseQueueFilter(['mine', 'all'])).toBeNull();
    expect(parseQueueFilter('<script>')).toBeNull();
  });
});

describe('slaStatus', () => {
  const now = msk('2026-11-24T11:00');
  it('is met when the first contact came by the deadline, missed when after it', () => {
    expect(slaStatus({ callbackDueAt: due, firstContactAt: msk('2026-11-24T11:15') }, now)).toBe('met');
    expect(slaStatus({ callbackDueAt: due, firstContactAt: msk('2026-11-24T11:16') }, now)).toBe('missed');
  });
  it('runs until the deadline, then is overdue; none without a deadline', () => {
    expect(slaStatus({ callbackDueAt: due, firstContactAt: null }, now)).toBe('running');
    expect(slaStatus({ callbackDueAt: due, firstContactAt: null }, due)).toBe('overdue');
    expect(slaStatus({ callbackDueAt: null, firstContactAt: null }, now)).toBe('none');
  });
});
