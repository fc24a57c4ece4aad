import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { changedTerms, parseServiceForm, type ServiceFormErrors, type ServiceFormValues } from '../../domain/catalog/service-form.js';
import { findServiceById, isUniqueViolation, serviceWithSlug } from '../../db/queries/admin-catalog.js';
import { audit } from '../../db/queries/audit.js';
import { services } from '../../db/schema/index.js';
import { slugTaken, termsOf } from './service-terms.js';

export type UpdateServiceResult = { kind: 'saved' | 'unchanged' } | { kind: 'invalid'; errors: ServiceFormErrors } | { kind: 'not_found' };

/**
 * New terms for a service. Orders already placed keep their own copy of the title and price
 * (orders.service_title, orders.price_kopecks), so an edit changes only what is sold from now on.
 */
export async function updateService(
  deps: Pick<Deps, 'db' | 'clock' | 'catalog'>,
  input: { staffId: string; ip: string; serviceId: string; values: ServiceFormValues },
): Promise<UpdateServiceResult> {
  const form = parseServiceForm(input.values);
  if (!form.ok) return { kind: 'invalid', errors: form.errors };
  const { terms } = form;
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx) => {
      const service = await findServiceById(tx, input.serviceId);
      if (!service) return { kind: 'not_found' } as const;
      const holder = await serviceWithSlug(tx, terms.slug, service.id);
      if (holder) return { kind: 'invalid', errors: slugTaken(terms.slug, holder.title) } as const;
      const changes = changedTerms(termsOf(service), terms);
      if (Object.keys(changes.after).length === 0) return { kind: 'unchanged' } as const;
      await tx.update(services).set(terms).where(eq(services.id, service.id));
      await audit(tx, { staffId: input.staffId, action: 'catalog.service_updated', entity: 'service', entityId: service.id, details: changes, ip: input.ip, at: now });
      return { kind: 'saved' } as const;
    });
    if (result.kind === 'saved') deps.catalog.invalidate();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: 'invalid', errors: slugTaken(terms.slug, null) };
    throw error;
  }
}
