import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import type { UnreadOrderRow } from '../../../db/queries/delivery.js';
import { OrderLink } from './format.js';

/**
 * The queue page's «Новые сообщения клиентов»: orders where the client wrote and nobody has opened the
 * card since (docs/delivery.md). Opening the card reads them and takes the order off this list.
 */
export function UnreadMessages({ rows }: { rows: UnreadOrderRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div class="panel delivery-unread" id="unread-messages">
      <h2>Новые сообщения клиентов: {rows.reduce((sum, row) => sum + row.unread, 0)}</h2>
      <ul>
        {rows.map((row) => (
          <li>
            <OrderLink id={row.id} number={row.number} /> — {row.serviceTitle}, {row.customerName}: <strong data-unread={String(row.unread)}>{row.unread} нов.</strong>, последнее {moscowShort(row.lastAt)}
            {row.assignedName ? ` (менеджер: ${row.assignedName})` : ' (менеджер не назначен)'}
          </li>
        ))}
      </ul>
    </div>
  );
}
