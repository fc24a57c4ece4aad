import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { findServiceById } from '../../db/queries/admin-catalog.js';
import { audit } from '../../db/queries/audit.js';
import { services } from '../../db/schema/index.js';

export type SetServiceActiveResult = { kind: 'changed' | 'unchanged' | 'not_found' };

/**
 * Withdraws a service from sale or puts it back. A withdrawn service disappears from the storefront
 * and cannot be ordered; its paid orders go on as before.
 */
export async function setServiceActive(
  deps: Pick<Deps, 'db' | 'clock' | 'catalog'>,
  input: { staffId: string; ip: string; serviceId: string; active: boolean },
): Promise<SetServiceActiveResult> {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const service = await findServiceById(tx, input.serviceId);
    if (!service) return { kind: 'not_found' } as const;
    if (service.active === input.active) return { kind: 'unchanged' } as const;
    await tx.update(services).set({ active: input.active }).where(eq(services.id, service.id));
    await audit(tx, {
      staffId: input.staffId,
      action: input.active ? 'catalog.service_activated' : 'catalog.service_deactivated',
      entity: 'service',
      entityId: service.id,
      details: { slug: service.slug, title: service.title, before: { active: service.active }, after: { active: input.active } },
      ip: input.ip,
      at: now,
    });
    return { kind: 'changed' } as const;
  });
  if (result.kind === 'changed') deps.catalog.invalidate();
  return result;
}
