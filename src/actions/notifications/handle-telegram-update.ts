import { and, eq, isNull } from 'drizzle-orm';
import { tokenHash } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { savePollOffset } from '../../db/queries/notifications.js';
import { telegramLinkCodes, telegramLinks } from '../../db/schema/index.js';
import type { TelegramUpdate } from '../../notifications/telegram/bot-api.js';

export type UpdateOutcome =
  | { kind: 'linked'; chatId: number }
  /** `/start` with a code that is unknown, expired or used. */
  | { kind: 'code_refused'; chatId: number }
  /** `/start` alone, or anything else written to the bot. */
  | { kind: 'no_code'; chatId: number }
  | { kind: 'blocked' }
  | { kind: 'unblocked' }
  | { kind: 'ignored' };

const START = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9]{1,64}))?\s*$/;

/**
 * One update from getUpdates, handled with the saved offset moving past it in the same transaction:
 * a restarted worker neither loses a `/start CODE` nor handles it twice.
 * `/start CODE` from a private chat links it to the code's staff member (the code then is used up);
 * a person blocking the bot stops alerts there, unblocking resumes them.
 */
export async function handleTelegramUpdate(deps: Pick<Deps, 'db' | 'clock'>, update: TelegramUpdate): Promise<UpdateOutcome> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await savePollOffset(tx, update.update_id + 1);
    const member = update.my_chat_member;
    if (member) {
      const kicked = member.new_chat_member.status === 'kicked';
      await tx.update(telegramLinks).set({ blockedAt: kicked ? now : null }).where(eq(telegramLinks.chatId, member.chat.id));
      return { kind: kicked ? 'blocked' : 'unblocked' } as const;
    }
    const message = update.message;
    if (!message || message.chat.type !== 'private') return { kind: 'ignored' } as const;
    const chatId = message.chat.id;
    const code = START.exec(message.text?.trim() ?? '')?.[1];
    if (!code) return { kind: 'no_code', chatId } as const;

    const [found] = await tx
      .select()
      .from(telegramLinkCodes)
      .where(and(eq(telegramLinkCodes.codeHash, tokenHash(code.toUpperCase())), isNull(telegramLinkCodes.usedAt)))
      .for('update');
    if (!found || found.expiresAt <= now) return { kind: 'code_refused', chatId } as const;
    await tx.update(telegramLinkCodes).set({ usedAt: now }).where(eq(telegramLinkCodes.codeHash, found.codeHash));
    const link = { chatId, username: message.from?.username ?? null, linkedAt: now, blockedAt: null };
    await tx
      .insert(telegramLinks)
      .values({ staffId: found.staffId, ...link })
      .onConflictDoUpdate({ target: telegramLinks.staffId, set: link });
    await audit(tx, { staffId: found.staffId, action: 'staff.telegram_linked', entity: 'staff', entityId: found.staffId, details: { username: link.username }, at: now });
    return { kind: 'linked', chatId } as const;
  });
}
