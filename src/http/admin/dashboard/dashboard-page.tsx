import { DateTime } from 'luxon';
import { ZONE } from '../../../domain/calendar/business-calendar.js';
import { slaShareInWords, type SlaShare } from '../../../domain/orders/callback-sla.js';
import type { RevenueDay } from '../../../domain/records/revenue-days.js';
import type { AttentionItem, QueueFigures } from '../../../db/queries/admin-dashboard.js';
import { RevenueChart } from './revenue-chart.js';
import { orderNumber } from '../../../domain/orders/order-number.js';

export interface DashboardPageProps {
  queue: QueueFigures;
  sla: SlaShare;
  attention: AttentionItem[];
  failedEmails: number;
  /** Failed cash receipts nobody re-issued yet; null for roles that do not handle receipts. */
  failedReceipts?: number | null;
  /** Null for roles that do not see money (managers). */
  revenue: RevenueDay[] | null;
}

const when = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE }).toFormat('dd.MM.yyyy HH:mm');

export function DashboardPage({ queue, sla, attention, failedEmails, failedReceipts = null, revenue }: DashboardPageProps) {
  return (
    <section>
      <h1>Сводка</h1>
      <ul class="dashboard-stats">
        <li class="panel">
          <span class="dashboard-figure">{queue.waiting}</span>
          <a href="/admin/queue">ждут звонка</a>
          <small>{`из них срок истекает сегодня: ${queue.dueToday}`}</small>
        </li>
        <li class={`panel${queue.overdue > 0 ? ' dashboard-alarm' : ''}`}>
          <span class={`dashboard-figure${queue.overdue > 0 ? ' overdue' : ''}`}>{queue.overdue}</span>
          <a href="/admin/queue?filter=overdue">просрочено</a>
          <small>срок звонка прошёл, контакта нет</small>
        </li>
        <li class="panel">
          {/* With nothing to judge yet the sentence is the explanation, not the figure. */}
          <span class="dashboard-figure dashboard-figure-text">{sla.percent === null ? '—' : slaShareInWords(sla)}</span>
          <span>звонков в срок за 30 дней</span>
          <small>{sla.percent === null ? slaShareInWords(sla) : 'заказы, оплаченные за 30 дней; ещё не наступившие сроки не считаются'}</small>
        </li>
        <li class={`panel${failedEmails > 0 ? ' dashboard-alarm' : ''}`}>
          <span class={`dashboard-figure${failedEmails > 0 ? ' overdue' : ''}`}>{failedEmails}</span>
          <a href="/admin/emails?status=failed">писем не доставлено</a>
          <small>повторите отправку или исправьте адрес</small>
        </li>
        {failedReceipts !== null && (
          <li class={`panel${failedReceipts > 0 ? ' dashboard-alarm' : ''}`}>
            <span class={`dashboard-figure${failedReceipts > 0 ? ' overdue' : ''}`}>{failedReceipts}</span>
            <a href="/admin/receipts?view=failed">чеков с ошибкой</a>
            <small>касса их не пробила: исправьте причину и отправьте повторно</small>
          </li>
        )}
      </ul>

      <h2>Требуют внимания</h2>
      {attention.length === 0 ? (
        <p>Нет заказов на проверке и открытых предупреждений.</p>
      ) : (
        <ul class="dashboard-attention">
          {attention.map((item) => (
            <AttentionEntry item={item} />
          ))}
        </ul>
      )}

      {revenue && (
        <>
          <h2>Выручка за 30 дней</h2>
          <RevenueChart days={revenue} />
        </>
      )}
    </section>
  );
}

function AttentionEntry({ item }: { item: AttentionItem }) {
  const title = item.orderId ? `${item.orderNumber === null ? '' : `${orderNumber(item.orderNumber)} · `}${item.serviceTitle} — ${item.customerName}` : 'Без заказа';
  return (
    <li class="panel">
      <p class="dashboard-attention-title">
        {item.orderId ? <a href={`/admin/orders/${item.orderId}`}>{title}</a> : title}{' '}
        {item.orderState === 'needs_review' && <span class="badge badge-danger">на проверке</span>} <small>{`с ${when(item.since)}`}</small>
      </p>
      {item.messages.length > 0 ? (
        <ul>
          {item.messages.map((message) => (
            <li>{message}</li>
          ))}
        </ul>
      ) : (
        <p>Оплата не совпала с заказом: проверьте платёж и подтвердите, отмените или верните его.</p>
      )}
    </li>
  );
}
