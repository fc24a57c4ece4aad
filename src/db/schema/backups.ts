import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.js';

/**
 * Every backup attempt (the daily job, «Сделать копию сейчас», `npm run backup`), successful or not.
 * The files in BACKUP_DIR are the backups themselves; this is their history for the back office.
 */
export const backupRuns = pgTable(
  'backup_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'scheduled' | 'manual' | 'cli'. */
    trigger: text('trigger').notNull(),
    requestedBy: uuid('requested_by').references(() => staff.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** 'ok' | 'failed'. */
    status: text('status').notNull(),
    fileName: text('file_name'),
    bytes: bigint('bytes', { mode: 'number' }),
    encrypted: boolean('encrypted').notNull().default(false),
    totalRows: bigint('total_rows', { mode: 'number' }),
    /** Old backups the retention rule deleted after this one. */
    deletedFiles: integer('deleted_files').notNull().default(0),
    error: text('error'),
  },
  (t) => [index('backup_runs_started_at').on(t.startedAt)],
);

/** The weekly restore drill: the latest backup restored into a scratch database and compared with its manifest. */
export const restoreDrills = pgTable(
  'restore_drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    backupFile: text('backup_file'),
    backupTakenAt: timestamp('backup_taken_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** 'passed' | 'differences' | 'failed' (no backup, unreadable, could not restore). */
    outcome: text('outcome').notNull(),
    tablesChecked: integer('tables_checked').notNull().default(0),
    /** The tables that differ: [{ table, expectedRows, actualRows, checksumDiffers }]. */
    differences: jsonb('differences').notNull().default([]),
    error: text('error'),
  },
  (t) => [index('restore_drills_started_at').on(t.startedAt)],
);
