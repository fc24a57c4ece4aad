import { describe, expect, it } from 'vitest';
import { backupSchedule } from './backup-schedule.js';

describe('backup schedule', () => {
  it('backs up every day at the Moscow time and drills on Sunday an hour later', () => {
    expect(backupSchedule('03:30')).toEqual({ backup: '30 3 * * *', drill: '30 4 * * 0' });
    expect(backupSchedule('00:05')).toEqual({ backup: '5 0 * * *', drill: '5 1 * * 0' });
  });

  it('moves the drill to Monday when the hour after the backup is past midnight', () => {
    expect(backupSchedule('23:45')).toEqual({ backup: '45 23 * * *', drill: '45 0 * * 1' });
  });

  it('refuses anything but HH:MM', () => {
    for (const wrong of ['3:30', '24:00', '03:60', '0330', '']) expect(() => backupSchedule(wrong)).toThrow();
  });
});
