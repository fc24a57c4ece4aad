import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Queryable } from './client.js';

// The live callback queue (/admin/queue/events): "the queue changed" travels as a PostgreSQL NOTIFY
// sent inside the business transaction, so it is delivered if and only if the change commits, and to
// every web process listening on the same database. PGlite is PostgreSQL too and delivers NOTIFY to
// its own process's listeners the same way, on commit; so both backends share one code path.

export const QUEUE_CHANNEL = 'callback_queue_changed';

/** Tells every listening process, once the transaction commits, that the callback queue changed. */
export async function signalQueueChanged(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_notify(${QUEUE_CHANNEL}, '')`);
}

export interface QueueListener {
  close(): Promise<void>;
}

/**
 * Calls `onChange` after every committed queue change. On PostgreSQL it holds one connection of its
 * own (outside the pool: LISTEN needs the same session for as long as it lasts) and reconnects after a
 * database restart, calling `onChange` once reconnected, since changes may have been missed meanwhile.
 */
export async function listenQueueChanges(database: Database, onChange: () => void, onError: (error: unknown) => void): Promise<QueueListener> {
  if (database.kind === 'pglite') {
    const unlisten = await database.pglite.listen(QUEUE_CHANNEL, () => onChange());
    return { close: () => unlisten() };
  }
  const connectionString = database.pool.options.connectionString;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const later = () => {
    if (!closed) retry = setTimeout(() => void connect(true).catch(later), 2_000);
  };
  const connect = async (reconnected: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === QUEUE_CHANNEL) onChange();
    });
    next.on('error', (error) => {
      onError(error);
      void next.end().catch(() => {});
      if (client === next) {
        client = null;
        later();
      }
    });
    try {
      await next.connect();
      await next.query(`listen ${QUEUE_CHANNEL}`);
    } catch (error) {
      void next.end().catch(() => {});
      if (reconnected) onError(error);
      throw error;
    }
    if (closed) return void (await next.end());
    client = next;
    if (reconnected) onChange();
  };
  await connect(false);
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
