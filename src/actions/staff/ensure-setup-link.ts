import type { Deps } from '../../app-deps.js';
import { cancelStaffTokens, issueStaffToken, staffExists } from '../../db/queries/staff.js';

/**
 * With no staff at all there is no one to sign in as, and no default account: the server prints a
 * one-time link that creates the first admin. A new start prints a new link (only hashes are stored,
 * so an older one cannot be shown again) and cancels the older ones. Null once staff exist.
 */
export async function ensureSetupLink(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<string | null> {
  if (await staffExists(deps.db)) return null;
  const now = deps.clock.now();
  const token = await deps.db.transaction(async (tx) => {
    await cancelStaffTokens(tx, null, 'setup', now);
    return issueStaffToken(tx, { staffId: null, purpose: 'setup', now, expiresAt: null });
  });
  return `${deps.config.PUBLIC_URL}/admin/setup?token=${token}`;
}
