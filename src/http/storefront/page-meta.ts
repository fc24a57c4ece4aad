import { pageDescription } from '../../domain/catalog/search-meta.js';
import { imageUrl } from '../../domain/catalog/service-image.js';
import type { Service } from '../../db/queries/catalog.js';
import type { ServiceImage } from '../../db/queries/storefront.js';
import type { PublicPageMeta } from '../views/layout.js';

/** The catalog's description: what is sold, by whom, and the promise of a call. */
export function catalogMeta(services: Service[], companyName: string): PublicPageMeta {
  const sold = services.length > 0 ? ` ${services.map((s) => s.title).join(', ')}.` : '';
  return {
    path: '/',
    description: pageDescription(`Услуги ${companyName}.${sold} Заказ и оплата картой на сайте, менеджер свяжется в течение рабочего часа.`),
  };
}

/**
 * A service's page: its description, and its picture for link previews. The preview takes the widest
 * JPEG (every messenger reads JPEG; the widest is the one whose size the row records).
 */
export function serviceMeta(service: Service, image: ServiceImage | undefined, siteUrl: string): PublicPageMeta {
  return {
    path: `/services/${service.slug}`,
    description: pageDescription(service.description.trim() === '' ? service.summary : service.description),
    image: image && { url: `${siteUrl}${imageUrl(image.hash, image.widths.at(-1)!, 'jpeg')}`, width: image.width, height: image.height, alt: image.alt },
  };
}
