import type { Deps } from '../../app-deps.js';
import { parseServiceForm, type ServiceFormErrors, type ServiceFormValues } from '../../domain/catalog/service-form.js';
import { isUniqueViolation, serviceWithSlug } from '../../db/queries/admin-catalog.js';
import { audit } from '../../db/queries/audit.js';
import { services } from '../../db/schema/index.js';
import { slugTaken } from './service-terms.js';

export type CreateServiceResult = { kind: 'created'; id: string } | { kind: 'invalid'; errors: ServiceFormErrors };

/** A new service, on sale at once; the storefront shows it without waiting for its cache. */
export async function createService(
  deps: Pick<Deps, 'db' | 'clock' | 'catalog'>,
  input: { staffId: string; ip: string; values: ServiceFormValues },
): Promise<CreateServiceResult> {
  const form = parseServiceForm(input.values);
  if (!form.ok) return { kind: 'invalid', errors: form.errors };
  const { terms } = form;
  const now = deps.clock.now();
  try {
    const result = await deps.db.transaction(async (tx) => {
      const holder = await serviceWithSlug(tx, terms.slug);
      if (holder) return { kind: 'invalid', errors: slugTaken(terms.slug, holder.title) } as const;
      const [created] = await tx
        .insert(services)
        .values({ ...terms, createdAt: now })
        .returning({ id: services.id });
      await audit(tx, { staffId: input.staffId, action: 'catalog.service_created', entity: 'service', entityId: created!.id, details: { after: terms }, ip: input.ip, at: now });
      return { kind: 'created', id: created!.id } as const;
    });
    if (result.kind === 'created') deps.catalog.invalidate();
    return result;
  } catch (error) {
    // Two admins taking the same address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { kind: 'invalid', errors: slugTaken(terms.slug, null) };
    throw error;
  }
}
