import { formatRub } from '../../../domain/money.js';
import type { Service } from '../../../db/queries/catalog.js';

export interface CatalogListPageProps {
  services: Service[];
  csrfToken: string;
  notice?: string;
}

export function CatalogListPage({ services, csrfToken, notice }: CatalogListPageProps) {
  return (
    <section>
      <h1>Каталог услуг</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p class="catalog-actions">
        <a class="button" href="/admin/catalog/new">
          Добавить услугу
        </a>
      </p>
      <p class="hint">{SNAPSHOT_NOTE}</p>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th>Услуга</th>
              <th class="num">Цена</th>
              <th>Оплата</th>
              <th class="num">Порядок</th>
              <th>Статус</th>
              <th>Действия</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <ServiceRow service={service} csrfToken={csrfToken} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const SNAPSHOT_NOTE =
  'Оформленные заказы хранят название и цену на момент заказа: правка или снятие услуги с продажи меняет только то, что продаётся с этого момента.';

function ServiceRow({ service, csrfToken }: { service: Service; csrfToken: string }) {
  return (
    <tr>
      <td>
        <a href={`/admin/catalog/${service.id}`}>{service.title}</a>
        <br />
        <small>
          {service.active ? (
            <a href={`/services/${service.slug}`}>/services/{service.slug}</a>
          ) : (
            `/services/${service.slug}`
          )}
        </small>
      </td>
      <td class="num">{formatRub(service.priceKopecks)}</td>
      <td>{billingWords(service)}</td>
      <td class="num">{service.sortOrder}</td>
      <td>{service.active ? <span class="badge badge-ok">В продаже</span> : <span class="badge badge-warn">Снята с продажи</span>}</td>
      <td>
        <div class="catalog-row-actions">
          <a class="button button-small" href={`/admin/catalog/${service.id}`}>
            Изменить
          </a>
          <form method="post" action={`/admin/catalog/${service.id}/${service.active ? 'deactivate' : 'activate'}`} class="inline-form">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button type="submit" class={`button button-small${service.active ? ' button-danger' : ''}`} aria-label={`${service.active ? 'Снять с продажи' : 'Вернуть в продажу'}: ${service.title}`}>
              {service.active ? 'Снять с продажи' : 'Вернуть в продажу'}
            </button>
          </form>
        </div>
      </td>
    </tr>
  );
}

function billingWords(service: Service): string {
  if (service.billing === 'fixed' || service.hourlyRateKopecks === null) return 'Фиксированная цена';
  return `Почасовая: включено ${service.includedHours} ч, доп. час — ${formatRub(service.hourlyRateKopecks)}`;
}
