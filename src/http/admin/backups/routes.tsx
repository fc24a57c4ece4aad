import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { requestBackup } from '../../../actions/backups/request-backup.js';
import { listBackups } from '../../../backup/backup-files.js';
import { recentBackupRuns, recentRestoreDrills } from '../../../db/queries/backups.js';
import { staffNames } from '../../../db/queries/staff.js';
import { backupSchedule } from '../../../domain/backups/backup-schedule.js';
import { sendAdminPage } from '../views/admin-page.js';
import { BackupsPage } from './backups-page.js';

const weekdays = ['по воскресеньям', 'по понедельникам'];

/** /admin/backups: the backups in BACKUP_DIR, the restore drills, and «Сделать копию сейчас» (admins only). */
export async function backupsArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'backups.view' as const };

  app.get<{ Querystring: { requested?: unknown } }>('/admin/backups', { config }, async (request, reply) => {
    const dir = resolve(deps.config.BACKUP_DIR);
    const [files, runs, drills] = await Promise.all([listBackups(dir).catch(() => null), recentBackupRuns(deps.db), recentRestoreDrills(deps.db)]);
    const names = await staffNames(deps.db, [...new Set(runs.map((run) => run.requestedBy).filter((id): id is string => id !== null))]);
    const schedule = backupSchedule(deps.config.BACKUP_TIME);
    const [minute, hour, , , day] = schedule.drill.split(' ');
    return sendAdminPage(
      reply,
      { title: 'Резервные копии' },
      <BackupsPage
        dir={dir}
        files={files?.slice(0, 50) ?? null}
        runs={runs.map((run) => ({ ...run, requestedByName: run.requestedBy ? (names.get(run.requestedBy) ?? null) : null }))}
        drills={drills}
        encrypted={Boolean(deps.config.BACKUP_PASSPHRASE)}
        backupTime={deps.config.BACKUP_TIME}
        drillTime={`${weekdays[Number(day)]} в ${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}`}
        justRequested={request.query.requested === '1'}
        csrfToken={reply.generateCsrf()}
      />,
    );
  });

  app.post('/admin/backups/run', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    await requestBackup(deps, request.staff!, request.ip);
    return reply.redirect('/admin/backups?requested=1', 303);
  });
}
