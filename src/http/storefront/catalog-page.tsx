import type { Service } from '../../db/queries/catalog.js';
import { Price } from './price.js';

export function CatalogPage({ services }: { services: Service[] }) {
  return (
    <>
      <section class="intro">
        <h1>Услуги</h1>
        <p>Выберите услугу, оформите заказ и оплатите картой. Менеджер свяжется с вами в течение рабочего часа.</p>
      </section>
      {services.length === 0 ? (
        <p>Сейчас нет доступных услуг. Загляните позже.</p>
      ) : (
        <ul class="cards">
          {services.map((service) => (
            <li class="card">
              <h2>
                <a href={`/services/${service.slug}`}>{service.title}</a>
              </h2>
              <p>{service.summary}</p>
              <Price service={service} />
              <a class="button" href={`/services/${service.slug}`} aria-label={`Заказать: ${service.title}`}>
                Подробнее и заказать
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
