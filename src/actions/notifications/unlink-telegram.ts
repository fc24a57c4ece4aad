import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { telegramLinks } from '../../db/schema/index.js';

export type UnlinkResult = { kind: 'unlinked' } | { kind: 'not_linked' };

/** «Отвязать Telegram»: alerts stop going there (the ones chosen for Telegram come by email instead). */
export async function unlinkTelegram(deps: Pick<Deps, 'db' | 'clock'>, input: { staffId: string; ip: string }): Promise<UnlinkResult> {
  return deps.db.transaction(async (tx) => {
    const removed = await tx.delete(telegramLinks).where(eq(telegramLinks.staffId, input.staffId)).returning({ staffId: telegramLinks.staffId });
    if (removed.length === 0) return { kind: 'not_linked' } as const;
    await audit(tx, { staffId: input.staffId, action: 'staff.telegram_unlinked', entity: 'staff', entityId: input.staffId, ip: input.ip, at: deps.clock.now() });
    return { kind: 'unlinked' } as const;
  });
}
