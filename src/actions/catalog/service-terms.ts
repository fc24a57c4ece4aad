import type { Service } from '../../db/queries/catalog.js';
import type { ServiceFormErrors, ServiceTerms } from '../../domain/catalog/service-form.js';

// Shared by creating and editing a service: the terms of a stored row, and the taken-address message.

export function termsOf(service: Service): ServiceTerms {
  const { slug, title, summary, description, priceKopecks, billing, includedHours, hourlyRateKopecks, sortOrder } = service;
  return { slug, title, summary, description, priceKopecks, billing, includedHours, hourlyRateKopecks, sortOrder };
}

export function slugTaken(slug: string, holder: string | null): ServiceFormErrors {
  return { slug: `Адрес «${slug}» уже занят${holder ? ` услугой «${holder}»` : ''}: выберите другой.` };
}
