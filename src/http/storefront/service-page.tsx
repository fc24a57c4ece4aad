import type { Service } from '../../db/queries/catalog.js';
import type { ServiceImage } from '../../db/queries/storefront.js';
import type { StorefrontExtras } from './catalog-page.js';
import { FaqSection } from './faq-section.js';
import { OrderForm, type OrderFormProps } from './order-form.js';
import { Price } from './price.js';
import { RichText } from './rich-text.js';
import { ServicePicture } from './service-picture.js';
import { HowItWorks } from './trust.js';

export function ServicePage({ service, form, extras }: { service: Service; form: OrderFormProps; extras: StorefrontExtras }) {
  const image = extras.images.get(service.id);
  return (
    <>
      <div class="service">
        <article class="service-details">
          <p class="breadcrumbs">
            <a href="/">Услуги</a> / {service.title}
          </p>
          <h1>{service.title}</h1>
          {image && <ServicePicture image={image} sizes="(min-width: 960px) 600px, 100vw" />}
          <Price service={service} />
          <RichText source={service.description} />
        </article>
        <OrderForm {...form} />
      </div>
      <HowItWorks callBy={extras.callBy} />
      <FaqSection entries={extras.faq} />
    </>
  );
}

/**
 * The service as another site's frame shows it (FRAME_ANCESTORS, docs/tilda.md): the description and a
 * button that opens the order form in a new tab, where our cookies, the captcha and the payment work.
 */
export function EmbeddedServicePage({ service, orderUrl, image }: { service: Service; orderUrl: string; image: ServiceImage | undefined }) {
  return (
    <article class="service-details service-embedded">
      <h1>{service.title}</h1>
      {image && <ServicePicture image={image} sizes="100vw" />}
      <Price service={service} />
      <RichText source={service.description} />
      <p>
        <a class="button button-primary" href={orderUrl} target="_blank" rel="noopener">
          Оформить заказ
        </a>
      </p>
      <p class="hint">Форма заказа и оплата откроются в новой вкладке.</p>
    </article>
  );
}
