import type { Service } from '../../db/queries/catalog.js';
import { OrderForm, type OrderFormProps } from './order-form.js';
import { Price } from './price.js';
import { RichText } from './rich-text.js';

export function ServicePage({ service, form }: { service: Service; form: OrderFormProps }) {
  return (
    <div class="service">
      <article class="service-details">
        <p class="breadcrumbs">
          <a href="/">Услуги</a> / {service.title}
        </p>
        <h1>{service.title}</h1>
        <Price service={service} />
        <RichText source={service.description} />
      </article>
      <OrderForm {...form} />
    </div>
  );
}

/**
 * The service as another site's frame shows it (FRAME_ANCESTORS, docs/tilda.md): the description and a
 * button that opens the order form in a new tab, where our cookies, the captcha and the payment work.
 */
export function EmbeddedServicePage({ service, orderUrl }: { service: Service; orderUrl: string }) {
  return (
    <article class="service-details service-embedded">
      <h1>{service.title}</h1>
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
