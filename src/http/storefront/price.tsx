import { formatRub } from '../../domain/money.js';
import type { Service } from '../../db/queries/catalog.js';

export function Price({ service }: { service: Service }) {
  return (
    <p class="price">
      <span class="price-amount">{formatRub(service.priceKopecks)}</span>
      {service.billing === 'hourly' && service.hourlyRateKopecks !== null && (
        <span class="price-terms">
          {' '}
          включено {service.includedHours} ч, дополнительный час — {formatRub(service.hourlyRateKopecks)}
        </span>
      )}
    </p>
  );
}
