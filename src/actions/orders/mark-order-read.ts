import { sql } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';

export type MarkOrderReadResult = { kind: 'marked' } | { kind: 'unchanged' };

/**
 * One side opened the order (the client its account page, staff the card): everything in the
 * conversation so far counts as read for that side. Messages of one order are written under the
 * order's row lock, so their numbers are committed in order and none below the marker can appear later.
 * Only moves forward, and writes nothing when there is nothing new.
 */
export async function markOrderRead(deps: Pick<Deps, 'db' | 'clock'>, input: { orderId: string; side: 'client' | 'staff' }): Promise<MarkOrderReadResult> {
  const now = deps.clock.now();
  const result = await deps.db.execute(sql`
    insert into order_read_markers (order_id, side, last_seen_seq, updated_at)
    select ${input.orderId}::uuid, ${input.side}::order_side, max(seq), ${now.toISOString()}::timestamptz
      from order_messages where order_id = ${input.orderId}::uuid having max(seq) is not null
    on conflict (order_id, side) do update set last_seen_seq = excluded.last_seen_seq, updated_at = excluded.updated_at
      where order_read_markers.last_seen_seq < excluded.last_seen_seq
    returning order_id`);
  return rowsOf(result).length > 0 ? { kind: 'marked' } : { kind: 'unchanged' };
}

/** node-postgres and PGlite both answer with `{ rows }`. */
const rowsOf = (result: unknown): unknown[] => (result as { rows: unknown[] }).rows;
