import type { ReceiptListItem } from '../../../db/queries/receipts.js';
import { Pager } from '../views/pager.js';
import { ReceiptRow, ReceiptTableHead } from './receipt-bits.js';

export type ReceiptsView = 'failed' | 'waiting' | 'all';

export interface ReceiptsPageProps {
  view: ReceiptsView;
  minutes: number;
  items: ReceiptListItem[];
  total: number;
  page: number;
  pageSize: number;
  notice?: string;
  problem?: string;
  csrfToken: string;
}

const views: Record<ReceiptsView, string> = { failed: 'С ошибкой', waiting: 'Долго формируются', all: 'Все' };

/** /admin/receipts: failed receipts to re-issue, those the register is slow with, or all. */
export function ReceiptsPage({ view, minutes, items, total, page, pageSize, notice, problem, csrfToken }: ReceiptsPageProps) {
  return (
    <section class="receipts-list">
      <h1>Кассовые чеки</h1>
      {notice && <p class="notice">{notice}</p>}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <p class="hint">
        Чек с ошибкой касса не пробила: исправьте причину (например, ИНН или систему налогообложения в настройках) и нажмите «Отправить повторно» — уйдёт новый
        документ с новым external_id. Подробнее — docs/receipts.md.
      </p>
      <form method="get" action="/admin/receipts" class="filters">
        <label>
          Показать{' '}
          <select name="view">
            {Object.entries(views).map(([value, label]) => (
              <option value={value} selected={value === view}>
                {label}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          дольше, минут <input type="number" name="minutes" min="1" max="10080" value={String(minutes)} />
        </label>{' '}
        <button type="submit" class="button">
          Показать
        </button>
      </form>
      {items.length === 0 ? (
        <p>Таких чеков нет.</p>
      ) : (
        <table class="table">
          <ReceiptTableHead />
          <tbody>
            {items.map((item) => (
              <ReceiptRow receipt={item.receipt} reissued={item.reissued} canReissue csrfToken={csrfToken} orderLink={`/admin/orders/${item.receipt.orderId}#receipts`} />
            ))}
          </tbody>
        </table>
      )}
      <Pager path="/admin/receipts" query={{ view, minutes: String(minutes) }} page={page} total={total} pageSize={pageSize} />
    </section>
  );
}
