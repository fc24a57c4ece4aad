import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';
import { moscowDateTime } from './format.js';
import { renderLetter, type LetterBlock } from './letter.js';

export interface BackupDrillFailedData {
  adminName: string;
  drilledAt: Date;
  /** The backup that was tried; null when there was none to try. */
  backupFile: string | null;
  backupTakenAt: Date | null;
  /** Why the drill could not finish (no backup, unreadable, restore failed); null when it finished with differences. */
  error: string | null;
  /** The tables that differ from the manifest. */
  differences: { table: string; expectedRows: number | null; actualRows: number | null; checksumDiffers: boolean }[];
  pageUrl: string;
}

const count = (rows: number | null) => (rows === null ? 'нет таблицы' : String(rows));

/** To every active admin when the weekly restore drill did not get back exactly what the backup promised. */
export function backupDrillFailedEmail(data: BackupDrillFailedData, sender: EmailSender): EmailContent {
  const what = data.backupFile
    ? `Проверяли копию ${data.backupFile}${data.backupTakenAt ? ` от ${moscowDateTime(data.backupTakenAt)} (мск)` : ''}.`
    : 'Проверить было нечего: копий нет.';
  const details: LetterBlock[] = data.error
    ? [{ strong: `Ошибка: ${data.error}` }]
    : [
        { strong: `Расхождения с описью копии (таблиц: ${data.differences.length}):` },
        ...data.differences.map(
          (line) => `${line.table}: ожидалось строк ${count(line.expectedRows)}, восстановлено ${count(line.actualRows)}${line.checksumDiffers ? ', содержимое отличается' : ''}.`,
        ),
      ];
  return renderLetter(
    {
      subject: 'Проверка восстановления из резервной копии не прошла',
      heading: 'Проверка восстановления не прошла',
      customerName: data.adminName,
      blocks: [
        `${moscowDateTime(data.drilledAt)} (мск) еженедельная проверка восстановила последнюю резервную копию во временную базу и сравнила её с описью.`,
        what,
        ...details,
        'Пока причина не найдена, на эту копию нельзя рассчитывать: сделайте новую копию и проверьте, что она восстанавливается (docs/operations.md, раздел «Backups»).',
        { href: data.pageUrl, label: 'Открыть резервные копии' },
      ],
    },
    sender,
  );
}
