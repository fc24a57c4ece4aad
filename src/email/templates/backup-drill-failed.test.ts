import { describe, expect, it } from 'vitest';
import { backupDrillFailedEmail, type BackupDrillFailedData } from './backup-drill-failed.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: BackupDrillFailedData = {
  adminName: 'Ольга Смирнова',
  drilledAt: new Date('2026-11-29T04:30:00+03:00'),
  backupFile: 'uslugi-20261129T003000.000Z.backup',
  backupTakenAt: new Date('2026-11-29T03:30:00+03:00'),
  error: null,
  differences: [
    { table: 'public.orders', expectedRows: 120, actualRows: 119, checksumDiffers: true },
    { table: 'public.staff', expectedRows: 3, actualRows: null, checksumDiffers: false },
  ],
  pageUrl: 'https://shop.example.ru/admin/backups',
};

describe('backup drill failed email', () => {
  it('names the backup, its Moscow time and every table that differs', () => {
    const email = backupDrillFailedEmail(data, sender);
    expect(email.subject).toBe('Проверка восстановления из резервной копии не прошла');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Ольга Смирнова!');
      expect(version).toContain('29 ноября 2026 в 04:30 (мск) еженедельная проверка');
      expect(version).toContain('Проверяли копию uslugi-20261129T003000.000Z.backup от 29 ноября 2026 в 03:30 (мск).');
      expect(version).toContain('Расхождения с описью копии (таблиц: 2):');
      expect(version).toContain('public.orders: ожидалось строк 120, восстановлено 119, содержимое отличается.');
      expect(version).toContain('public.staff: ожидалось строк 3, восстановлено нет таблицы.');
    }
    expectFooter(email);
  });

  it('says why the drill could not finish, or that there was no backup at all', () => {
    const failed = backupDrillFailedEmail({ ...data, error: 'файл повреждён', differences: [] }, sender);
    expect(failed.text).toContain('Ошибка: файл повреждён');
    expect(failed.text).not.toContain('Расхождения');
    const none = backupDrillFailedEmail({ ...data, backupFile: null, backupTakenAt: null, error: 'копий нет', differences: [] }, sender);
    expect(none.text).toContain('Проверить было нечего: копий нет.');
  });

  it('links to the backups page, loads nothing remote and escapes names', () => {
    const { html } = backupDrillFailedEmail(data, sender);
    expectLinkTwice(html, data.pageUrl);
    expectNothingRemote(html);
    expectEscaped(backupDrillFailedEmail({ ...data, adminName: scriptName }, sender).html);
  });
});
