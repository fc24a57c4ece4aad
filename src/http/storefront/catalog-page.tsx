import type { Service } from '../../db/queries/catalog.js';
import type { FaqEntry, ServiceImage } from '../../db/queries/storefront.js';
import { FaqSection } from './faq-section.js';
import { Price } from './price.js';
import { ServicePicture } from './service-picture.js';
import { HowItWorks, PaymentTrust } from './trust.js';

export interface StorefrontExtras {
  images: Map<string, ServiceImage>;
  faq: FaqEntry[];
  /** When the manager would call if paid now, in words. */
  callBy: string;
}

export function CatalogPage({ services, extras }: { services: Service[]; extras: StorefrontExtras }) {
  return (
    <>
      <section class="intro">
        <h1>Услуги</h1>
        <p>Выберите услугу, оформите заказ и оплатите картой. Менеджер свяжется с вами в течение рабочего часа.</p>
        <PaymentTrust />
      </section>
      {services.length === 0 ? (
        <p>Сейчас нет доступных услуг. Загляните позже.</p>
      ) : (
        <ul class="cards">
          {services.map((service) => {
            const image = extras.images.get(service.id);
            return (
              <li class="card">
                {image && <ServicePicture image={image} sizes="(min-width: 1024px) 350px, (min-width: 700px) 50vw, 100vw" lazy />}
                <h2>
                  <a href={`/services/${service.slug}`}>{service.title}</a>
                </h2>
                <p>{service.summary}</p>
                <Price service={service} />
                {/* The name a screen reader or voice control hears starts with the words shown (WCAG 2.5.3). */}
                <a class="button" href={`/services/${service.slug}`}>
                  Подробнее и заказать<span class="visually-hidden">: {service.title}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <HowItWorks callBy={extras.callBy} />
      <FaqSection entries={extras.faq} />
    </>
  );
}
