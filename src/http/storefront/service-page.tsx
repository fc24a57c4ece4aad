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
