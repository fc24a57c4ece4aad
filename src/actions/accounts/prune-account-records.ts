import { lt, or } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { LOGIN_LIMITS } from '../../domain/accounts/login-throttle.js';
import { SESSION_LIMITS } from '../../domain/accounts/session-rules.js';
import { clientSessions, clientTokens, loginFailures } from '../../db/schema/index.js';

const DAY = 24 * 60 * 60_000;

/**
 * Hourly: deletes what no longer means anything: sessions past their timeouts, failed sign-ins past the
 * limits' window, and links expired for a month (kept that long to answer "link expired" clearly).
 */
export async function pruneAccountRecords(deps: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const now = deps.clock.now().getTime();
  const before = (ms: number) => new Date(now - ms);
  await deps.db
    .delete(clientSessions)
    .where(or(lt(clientSessions.lastSeenAt, before(SESSION_LIMITS.idleMs)), lt(clientSessions.createdAt, before(SESSION_LIMITS.absoluteMs))));
  await deps.db.delete(loginFailures).where(lt(loginFailures.at, before(LOGIN_LIMITS.windowMs)));
  await deps.db.delete(clientTokens).where(lt(clientTokens.expiresAt, before(30 * DAY)));
}
