import { eq } from 'drizzle-orm';
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

/** Whether a solution was already used (kept in a re-rendered form only while it is not). */
export async function captchaSolutionUsed(db: Queryable, challengeSignature: string): Promise<boolean> {
  const [row] = await db
    .select({ signature: usedCaptchaSolutions.challengeSignature })
    .from(usedCaptchaSolutions)
    .where(eq(usedCaptchaSolutions.challengeSignature, challengeSignature));
  return row !== undefined;
}
