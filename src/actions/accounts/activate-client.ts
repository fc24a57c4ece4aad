import { eq } from 'drizzle-orm';
import { accountLinks } from '../../accounts/links.js';
import type { Deps } from '../../app-deps.js';
import type { Tx } from '../../db/client.js';
import type { Client } from '../../db/queries/clients.js';
import { clients } from '../../db/schema/index.js';
import { queueEmail } from '../../email/queue-email.js';
import { accessActiveEmail } from '../../email/templates/access-active.js';

/**
 * Opens access once the client proved the address is theirs (a verification link, or a reset link
 * that reached them), and tells them so. Nothing happens for an account that is already active.
 */
export async function activateClient(deps: Pick<Deps, 'queue' | 'clock' | 'config' | 'content'>, tx: Tx, client: Client): Promise<boolean> {
  if (client.state === 'active') return false;
  const now = deps.clock.now();
  await tx.update(clients).set({ state: 'active', emailVerifiedAt: now }).where(eq(clients.id, client.id));
  const content = accessActiveEmail(
    { customerName: client.name, login: client.login, accountUrl: accountLinks(deps.config.PUBLIC_URL).account },
    deps.content.current(),
  );
  await queueEmail(deps, tx, { kind: 'access_active', to: client.email, clientId: client.id, content });
  return true;
}
