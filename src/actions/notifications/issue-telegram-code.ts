import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { tokenHash } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { telegramLinkCodes } from '../../db/schema/index.js';

/** How long a linking code works (docs/notifications.md#linking-telegram). */
export const TELEGRAM_CODE_MINUTES = 15;
/** Capitals and digits nobody misreads (no 0/O, 1/I): the code may be typed by hand as `/start CODE`. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 8 characters ≈ 40 bits: beyond guessing through a bot within 15 minutes. */
const CODE_LENGTH = 8;

export type IssueCodeResult = { kind: 'issued'; code: string; expiresAt: Date };

/**
 * A one-time code that links the Telegram chat it is sent from (`/start CODE`) to this staff member:
 * 15 minutes, single use, only its SHA-256 stored. A new code cancels the member's earlier ones.
 */
export async function issueTelegramCode(deps: Pick<Deps, 'db' | 'clock'>, staffId: string): Promise<IssueCodeResult> {
  const now = deps.clock.now();
  const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + TELEGRAM_CODE_MINUTES * 60_000);
  await deps.db.transaction(async (tx) => {
    await tx.update(telegramLinkCodes).set({ usedAt: now }).where(and(eq(telegramLinkCodes.staffId, staffId), isNull(telegramLinkCodes.usedAt)));
    await tx.insert(telegramLinkCodes).values({ codeHash: tokenHash(code), staffId, createdAt: now, expiresAt });
  });
  return { kind: 'issued', code, expiresAt };
}
