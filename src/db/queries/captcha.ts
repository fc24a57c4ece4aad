import type { Queryable } from '../client.js';
import { usedCaptchaSolutions } from '../schema/index.js';

/** Records an accepted captcha solution; false when it was already used (a replay). */
export async function useCaptchaSolution(db: Queryable, solution: { challengeSignature: string; expiresAt: Date }): Promise<boolean> {
  const fresh = await db
    .insert(usedCaptchaSolutions)
    .values({ challengeSignature: solution.challengeSignature, expiresAt: solution.expiresAt })
    .onConflictDoNothing()
    .returning({ signature: usedCaptchaSolutions.challengeSignature });
  return fresh.length > 0;
}
