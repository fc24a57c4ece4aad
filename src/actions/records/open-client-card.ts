import type { Deps } from '../../app-deps.js';
import { clientCard, type ClientCard } from '../../db/queries/admin-clients.js';
import { audit } from '../../db/queries/audit.js';
import type { StaffMember } from '../../db/queries/staff.js';

/**
 * A staff member opens a client's card: the card, and an audit entry saying who looked at whose
 * personal data and from where (issue 5; ASVS 8.3.5). Both in one transaction: no card is shown
 * without its entry.
 */
export async function openClientCard(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { clientId: string; by: StaffMember; ip: string },
): Promise<ClientCard | undefined> {
  return deps.db.transaction(async (tx) => {
    const card = await clientCard(tx, input.clientId);
    if (!card) return undefined;
    await audit(tx, { staffId: input.by.id, action: 'client.viewed', entity: 'client', entityId: card.client.id, ip: input.ip, at: deps.clock.now() });
    return card;
  });
}
