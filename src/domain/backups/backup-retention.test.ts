import { describe, expect, it } from 'vitest';
import { backupsToKeep, type BackupMoment } from './backup-retention.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One backup every night at 03:30 Moscow (00:30 UTC) for `days` days up to `lastNight`. */
function nightly(lastNight: string, days: number): BackupMoment[] {
  const last = new Date(`${lastNight}T03:30:00+03:00`).getTime();
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(last - i * DAY);
    return { name: takenAt.toISOString(), takenAt };
  });
}

const names = (kept: Set<string>) => [...kept].sort();

describe('backup retention (7 daily, 4 weekly, 6 monthly)', () => {
  it('after a year of nightly backups keeps 7 days, the Sundays of 4 weeks and the last day of 6 months: 14 copies', () => {
    // Wednesday 2026-11-25 at 12:00 Moscow.
    const now = new Date('2026-11-25T12:00:00+03:00');
    const kept = backupsToKeep(nightly('2026-11-25', 400), now);
    // Taken at 00:30 UTC, so the UTC date is the Moscow date.
    const days = names(kept).map((iso) => iso.slice(0, 10));
    expect(days).toEqual(
      [
        // monthly: the newest backup of each of the last 6 months (November is the current day)
        '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31',
        // weekly: the newest of each ISO week — Sundays 08.11 and 15.11, 22.11, and this week (today)
        '2026-11-08', '2026-11-15',
        // daily: the last 7 days (the 22nd is also a weekly one)
        '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25',
      ],
    );
    expect(kept.size).toBe(14);
  });

  it('counts days in Moscow time: 01:00 Moscow belongs to that Moscow day, not the previous UTC day', () => {
    const now = new Date('2026-11-25T12:00:00+03:00');
    const lateUtc = { name: 'a', takenAt: new Date('2026-11-10T22:30:00Z') }; // 01:30 on the 11th in Moscow
    const earlier = { name: 'b', takenAt: new Date('2026-11-10T20:00:00Z') }; // 23:00 on the 10th in Moscow
    const kept = backupsToKeep([lateUtc, earlier], now, { daily: 2, weekly: 0, monthly: 0 });
    expect(names(kept)).toEqual(['a', 'b']);
  });

  it('keeps only the newest of several backups of one day, except those younger than a day', () => {
    const now = new Date('2026-11-25T12:00:00+03:00');
    const morning = { name: 'morning', takenAt: new Date('2026-11-20T09:00:00+03:00') };
    const evening = { name: 'evening', takenAt: new Date('2026-11-20T21:00:00+03:00') };
    const byHandToday = { name: 'by-hand', takenAt: new Date(now.getTime() - 2 * HOUR) };
    const nightToday = { name: 'night', takenAt: new Date('2026-11-25T03:30:00+03:00') };
    const kept = backupsToKeep([morning, evening, byHandToday, nightToday], now);
    expect(kept.has('evening')).toBe(true);
    expect(kept.has('morning')).toBe(false);
    // Both of today's stay: the copy made by hand before an upgrade is not deleted by the next run.
    expect(kept.has('by-hand')).toBe(true);
    expect(kept.has('night')).toBe(true);
  });

  it('a gap of missing days keeps older copies instead of fewer', () => {
    const now = new Date('2026-11-25T12:00:00+03:00');
    // Nothing between the 10th and the 25th: the 7 daily slots reach back before the gap.
    const backups = [...nightly('2026-11-25', 1), ...nightly('2026-11-10', 10)];
    const kept = backupsToKeep(backups, now, { daily: 7, weekly: 0, monthly: 0 });
    expect(kept.size).toBe(7);
    expect(kept.has(new Date('2026-11-05T03:30:00+03:00').toISOString())).toBe(true);
    expect(kept.has(new Date('2026-11-04T03:30:00+03:00').toISOString())).toBe(false);
  });

  it('never deletes a backup dated in the future by a clock set wrong', () => {
    const now = new Date('2026-11-25T12:00:00+03:00');
    const future = { name: 'future', takenAt: new Date('2027-03-01T03:30:00+03:00') };
    const kept = backupsToKeep([future, ...nightly('2026-11-25', 30)], now, { daily: 1, weekly: 0, monthly: 0 });
    expect(kept.has('future')).toBe(true);
  });

  it('keeps nothing from an empty list', () => {
    expect(backupsToKeep([], new Date('2026-11-25T12:00:00Z')).size).toBe(0);
  });
});
