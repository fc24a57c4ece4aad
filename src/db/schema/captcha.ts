import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Captcha solutions already accepted: a solution is single-use until its challenge expires. */
export const usedCaptchaSolutions = pgTable('used_captcha_solutions', {
  challengeSignature: text('challenge_signature').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
