import { DateTime } from 'luxon';
import { ZONE } from '../calendar/business-calendar.js';

// Which backups the daily run keeps: the newest backup of each of the last 7 days, 4 ISO weeks and 6
// months that have one (days, weeks and months in Moscow time), like `restic forget --keep-daily 7
// --keep-weekly 4 --keep-monthly 6`. Periods without a backup do not count, so a gap of a few days
// keeps older copies instead of leaving fewer.

export interface RetentionRule {
  daily: number;
  weekly: number;
  monthly: number;
}

export const backupRetention: RetentionRule = { daily: 7, weekly: 4, monthly: 6 };

/** A copy made by hand before an upgrade survives the next nightly run: everything this young stays. */
export const KEEP_EVERYTHING_YOUNGER_THAN_MS = 24 * 60 * 60 * 1000;

export interface BackupMoment {
  name: string;
  takenAt: Date;
}

/** The names of the backups to keep; every other one may be deleted. */
export function backupsToKeep(backups: readonly BackupMoment[], now: Date, rule: RetentionRule = backupRetention): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<string>();
  for (const backup of newestFirst) {
    // A backup "from the future" (a clock set wrong) is never deleted on the strength of that clock.
    if (now.getTime() - backup.takenAt.getTime() < KEEP_EVERYTHING_YOUNGER_THAN_MS) keep.add(backup.name);
  }
  const periods: [count: number, bucket: (at: DateTime) => string][] = [
    [rule.daily, (at) => at.toISODate()!],
    [rule.weekly, (at) => `${at.weekYear}-W${at.weekNumber}`],
    [rule.monthly, (at) => at.toFormat('yyyy-MM')],
  ];
  for (const [count, bucket] of periods) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= count) break;
      const key = bucket(DateTime.fromJSDate(backup.takenAt, { zone: ZONE }));
      if (seen.has(key)) continue;
      seen.add(key); // the newest backup of that period
      keep.add(backup.name);
    }
  }
  return keep;
}
