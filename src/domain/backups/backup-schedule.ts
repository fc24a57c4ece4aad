// When the worker makes the daily backup and runs the weekly restore drill, as cron expressions read
// in Europe/Moscow (pg-boss evaluates them in that zone, so no daylight-saving arithmetic here).

export interface BackupSchedule {
  /** Every day at BACKUP_TIME. */
  backup: string;
  /** Once a week, on Sunday, an hour after the backup (so it checks that night's copy). */
  drill: string;
}

/** "03:30" → the two cron expressions. */
export function backupSchedule(time: string): BackupSchedule {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`Not a HH:MM time: ${time}`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  // Past midnight the drill's day moves to Monday, still an hour after Sunday night's backup.
  const drillHour = (hour + 1) % 24;
  const drillDay = hour === 23 ? 1 : 0;
  return { backup: `${minute} ${hour} * * *`, drill: `${minute} ${drillHour} * * ${drillDay}` };
}
