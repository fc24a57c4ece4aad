import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { orderStateNames, orderStateTones } from '../../../domain/orders/order-workflow.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import type { OrderState } from '../../../domain/orders/order-machine.js';

// Small pieces the order pages share.

/** +79123456789 → «+7 912 345 67 89», as a tel: link a phone can call. */
export function Phone({ e164 }: { e164: string }) {
  const shown = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
  return (
    <a href={`tel:${e164}`} class="orders-phone">
      {shown}
    </a>
  );
}

export function StateBadge({ state }: { state: OrderState }) {
  const tone = orderStateTones[state];
  return <span class={tone === 'neutral' ? 'badge' : `badge badge-${tone}`}>{orderStateNames[state]}</span>;
}

/** The order's number («У-1042») as a link to its card. */
export function OrderLink({ id, number }: { id: string; number: number }) {
  return <a href={`/admin/orders/${id}`}>{orderNumber(number)}</a>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Route ids are checked before any query: PostgreSQL would refuse a malformed uuid with an error. */
export const isUuid = (value: string) => UUID.test(value);
