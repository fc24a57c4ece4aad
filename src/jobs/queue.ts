import { PgBoss, fromPglite } from 'pg-boss';
import type { Database } from '../db/client.js';
import type { Logger } from '../log.js';
import { jobNames } from './queues.js';

export type Queue = PgBoss;

/**
 * pg-boss on the app's own database, so jobs can be enqueued in the business transaction.
 * Only the worker supervises and runs schedules; a web-only process just enqueues.
 */
export async function startQueue(database: Database, options: { runsWorker: boolean; log: Logger }): Promise<Queue> {
  const common = { supervise: options.runsWorker, schedule: options.runsWorker, openTelemetry: { enabled: false } };
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' })
      : new PgBoss({ ...common, db: undefined, connectionString: poolConnectionString(database), useListenNotify: true });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  await boss.start();
  // notify: a new job wakes the workers at once (LISTEN/NOTIFY on PostgreSQL) instead of at their next
  // poll. updateQueue turns it on for queues an earlier version created without it.
  for (const name of jobNames) {
    await boss.createQueue(name, { notify: true });
    await boss.updateQueue(name, { notify: true });
  }
  return boss;
}

function poolConnectionString(database: Extract<Database, { kind: 'postgres' }>): string {
  const connectionString = database.pool.options.connectionString;
  if (!connectionString) throw new Error('The PostgreSQL pool was opened without a connection string');
  return connectionString;
}
