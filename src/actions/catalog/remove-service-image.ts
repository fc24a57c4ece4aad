import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { serviceImages } from '../../db/schema/index.js';
import { dropUnusedFiles } from './set-service-image.js';

export type RemoveServiceImageResult = { kind: 'removed' | 'no_image' };

/** Takes a service's picture off the storefront and deletes its files when nothing else shows them. */
export async function removeServiceImage(deps: Pick<Deps, 'db' | 'clock' | 'catalog'>, input: { staffId: string; ip: string; serviceId: string }): Promise<RemoveServiceImageResult> {
  const result = await deps.db.transaction(async (tx) => {
    const [removed] = await tx.delete(serviceImages).where(eq(serviceImages.serviceId, input.serviceId)).returning();
    if (!removed) return { kind: 'no_image' } as const;
    await dropUnusedFiles(tx, removed.hash);
    await audit(tx, { staffId: input.staffId, action: 'catalog.image_removed', entity: 'service', entityId: input.serviceId, details: { hash: removed.hash }, ip: input.ip, at: deps.clock.now() });
    return { kind: 'removed' } as const;
  });
  if (result.kind === 'removed') deps.catalog.invalidate();
  return result;
}
