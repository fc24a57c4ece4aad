import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backupsToKeep } from '../domain/backups/backup-retention.js';
import { isBackupFileName, readBackupHeader, type BackupHeader } from './format.js';

export interface BackupFile {
  name: string;
  path: string;
  takenAt: Date;
  fileBytes: number;
  encrypted: boolean;
  header: BackupHeader;
}

/** The backups in a directory, newest first. Files whose header cannot be read are left out (and never deleted). */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const files: BackupFile[] = [];
  for (const name of names.filter(isBackupFileName)) {
    const path = join(dir, name);
    try {
      const { header } = await readBackupHeader(path);
      files.push({
        name,
        path,
        takenAt: new Date(header.manifest.takenAt),
        fileBytes: (await stat(path)).size,
        encrypted: header.payload.encryption !== null,
        header,
      });
    } catch {
      // Not ours, or damaged: the restore drill reports damage in the newest one.
    }
  }
  return files.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** Deletes the backups the retention rule (7 daily, 4 weekly, 6 monthly) does not keep; returns their names. */
export async function pruneBackups(dir: string, now: Date): Promise<string[]> {
  const files = await listBackups(dir);
  const keep = backupsToKeep(files, now);
  const doomed = files.filter((file) => !keep.has(file.name));
  for (const file of doomed) await rm(file.path, { force: true });
  return doomed.map((file) => file.name);
}
