import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { backupRuns, restoreDrills, staff } from '../schema/index.js';

export type BackupRun = typeof backupRuns.$inferSelect;
export type RestoreDrill = typeof restoreDrills.$inferSelect;

export async function recentBackupRuns(db: Queryable, limit = 10): Promise<BackupRun[]> {
  return db.select().from(backupRuns).orderBy(desc(backupRuns.startedAt)).limit(limit);
}

export async function recentRestoreDrills(db: Queryable, limit = 5): Promise<RestoreDrill[]> {
  return db.select().from(restoreDrills).orderBy(desc(restoreDrills.startedAt)).limit(limit);
}

/** Who hears about a failed restore drill: every active admin. */
export async function activeAdmins(db: Queryable): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .select({ id: staff.id, name: staff.name, email: staff.email })
    .from(staff)
    .where(and(eq(staff.state, 'active'), eq(staff.role, 'admin')))
    .orderBy(staff.name);
}
