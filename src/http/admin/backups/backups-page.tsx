import type { BackupFile } from '../../../backup/backup-files.js';
import type { BackupRun, RestoreDrill } from '../../../db/queries/backups.js';
import { backupRetention } from '../../../domain/backups/backup-retention.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';

export interface BackupsPageProps {
  dir: string;
  /** Null when the directory could not be read by this process. */
  files: BackupFile[] | null;
  runs: (BackupRun & { requestedByName: string | null })[];
  drills: RestoreDrill[];
  encrypted: boolean;
  backupTime: string;
  drillTime: string;
  justRequested: boolean;
  csrfToken: string;
}

const integer = new Intl.NumberFormat('ru-RU');

/** «4,7 МБ». */
export function fileSize(bytes: number): string {
  const units = ['Б', 'КБ', 'МБ', 'ГБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ${units[unit]}`;
}

const drillBadges = {
  passed: ['badge badge-ok', 'Совпадает'],
  differences: ['badge badge-danger', 'Есть расхождения'],
  failed: ['badge badge-danger', 'Не удалась'],
} as const;

const triggers: Record<string, string> = { scheduled: 'По расписанию', manual: 'Вручную', cli: 'Из командной строки' };

type Difference = { table: string; expectedRows: number | null; actualRows: number | null; checksumDiffers: boolean };

export function BackupsPage(props: BackupsPageProps) {
  const { files, runs, drills } = props;
  return (
    <section class="backups">
      <h1>Резервные копии</h1>
      {props.justRequested && <p class="notice">Копия поставлена в очередь: она появится в списке через минуту-другую.</p>}
      <div class="panel backups-settings">
        <p>
          Копия всей базы делается каждый день в {props.backupTime} (мск) в каталог <code>{props.dir}</code>. Хранятся последние {backupRetention.daily}{' '}
          ежедневных, {backupRetention.weekly} еженедельных и {backupRetention.monthly} ежемесячных копий. Раз в неделю ({props.drillTime}) последняя копия
          восстанавливается во временную базу и сверяется с описью; при расхождении администраторам приходит письмо.
        </p>
        <p>
          Шифрование:{' '}
          {props.encrypted ? (
            <span class="badge badge-ok">включено (AES-256-GCM)</span>
          ) : (
            <span class="badge badge-warn">выключено — задайте BACKUP_PASSPHRASE</span>
          )}
        </p>
        <form method="post" action="/admin/backups/run">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit" class="button">
            Сделать копию сейчас
          </button>
        </form>
      </div>

      <h2>Копии</h2>
      {files === null ? (
        <p class="backups-muted">Этот процесс не может прочитать каталог копий (он на другом сервере?). История запусков — ниже.</p>
      ) : files.length === 0 ? (
        <p>Копий пока нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table backups-stack">
            <thead>
              <tr>
                <th>Сделана (мск)</th>
                <th>Файл</th>
                <th class="num">Размер</th>
                <th>Шифрование</th>
                <th class="num">Строк всего</th>
                <th>Версия схемы</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr>
                  <td data-label="Сделана (мск)">{moscowShort(file.takenAt)}</td>
                  <td class="backups-file" data-label="Файл">
                    {file.name}
                  </td>
                  <td class="num" data-label="Размер">
                    {fileSize(file.fileBytes)}
                  </td>
                  <td data-label="Шифрование">{file.encrypted ? <span class="badge badge-ok">зашифрована</span> : <span class="badge badge-warn">без шифрования</span>}</td>
                  <td class="num" data-label="Строк всего">
                    {integer.format(file.header.manifest.totalRows)}
                  </td>
                  <td data-label="Версия схемы">{file.header.manifest.schemaVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Проверки восстановления</h2>
      {drills.length === 0 ? (
        <p>Проверок ещё не было.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table backups-stack">
            <thead>
              <tr>
                <th>Когда (мск)</th>
                <th>Копия</th>
                <th>Результат</th>
                <th class="num">Таблиц сверено</th>
                <th>Подробности</th>
              </tr>
            </thead>
            <tbody>
              {drills.map((drill) => {
                const [badge, label] = drillBadges[drill.outcome as keyof typeof drillBadges] ?? drillBadges.failed;
                const diff = drill.differences as Difference[];
                return (
                  <tr>
                    <td data-label="Когда (мск)">{moscowShort(drill.startedAt)}</td>
                    <td class="backups-file" data-label="Копия">
                      {drill.backupFile ?? '—'}
                    </td>
                    <td data-label="Результат">
                      <span class={badge}>{label}</span>
                    </td>
                    <td class="num" data-label="Таблиц сверено">
                      {drill.tablesChecked}
                    </td>
                    <td data-label="Подробности">
                      {drill.error && <div>{drill.error}</div>}
                      {diff.map((line) => (
                        <div>
                          {line.table}: в описи {line.expectedRows ?? '—'}, восстановлено {line.actualRows ?? '—'}
                          {line.checksumDiffers ? ', содержимое отличается' : ''}
                        </div>
                      ))}
                      {!drill.error && diff.length === 0 && '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2>Последние запуски копирования</h2>
      {runs.length === 0 ? (
        <p>Запусков ещё не было.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table backups-stack">
            <thead>
              <tr>
                <th>Начало (мск)</th>
                <th>Как</th>
                <th>Результат</th>
                <th>Файл или ошибка</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr>
                  <td data-label="Начало (мск)">{moscowShort(run.startedAt)}</td>
                  <td data-label="Как">
                    {triggers[run.trigger] ?? run.trigger}
                    {run.requestedByName && <div class="backups-muted">{run.requestedByName}</div>}
                  </td>
                  <td data-label="Результат">{run.status === 'ok' ? <span class="badge badge-ok">Готово</span> : <span class="badge badge-danger">Ошибка</span>}</td>
                  <td class="backups-file" data-label="Файл или ошибка">
                    {run.status === 'ok' ? `${run.fileName ?? ''}${run.deletedFiles > 0 ? ` (удалено старых: ${run.deletedFiles})` : ''}` : run.error}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
