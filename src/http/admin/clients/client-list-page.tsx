import type { Client } from '../../../db/queries/clients.js';
import type { Order } from '../../../db/queries/orders.js';
import { orderStateNames } from '../../../domain/orders/order-workflow.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { Address } from '../emails/email-labels.js';
import { Pager } from '../views/pager.js';
import { AccountStateBadge, displayPhone } from './client-bits.js';

export interface ClientListProps {
  q: string;
  clients: Client[];
  total: number;
  page: number;
  pageSize: number;
  /** Orders without a personal account that match the search (only when searching). */
  orphanOrders: Order[] | null;
}

export function ClientListPage({ q, clients, total, page, pageSize, orphanOrders }: ClientListProps) {
  return (
    <section>
      <h1>Клиенты</h1>
      <form method="get" action="/admin/clients" class="filters" role="search">
        <div class="field records-search">
          <label for="field-q">Поиск</label>
          <p class="hint" id="hint-q">
            Имя, почта, телефон в любом виде, номер заказа или ссылка на заказ
          </p>
          <input type="search" id="field-q" name="q" value={q} maxLength={200} aria-describedby="hint-q" />
        </div>
        <button type="submit" class="button button-small">
          Найти
        </button>
        {q && <a href="/admin/clients">Сбросить</a>}
      </form>
      <p>{q ? `Найдено клиентов: ${total}` : `Всего клиентов: ${total}. Новые сверху.`}</p>
      {clients.length > 0 && (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Клиент</th>
                <th>Почта</th>
                <th>Телефон</th>
                <th>Кабинет</th>
                <th>Создан (мск)</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <tr>
                  <td data-label="Клиент">
                    <a href={`/admin/clients/${client.id}`}>{client.name}</a>
                  </td>
                  <td class="records-address" data-label="Почта">
                    <Address email={client.email} />
                  </td>
                  <td class="records-nowrap" data-label="Телефон">{displayPhone(client.phone)}</td>
                  <td data-label="Кабинет">
                    <AccountStateBadge state={client.state} />
                  </td>
                  <td class="records-nowrap" data-label="Создан (мск)">{moscowShort(client.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/admin/clients" query={{ q }} page={page} total={total} pageSize={pageSize} />
      {orphanOrders && <OrdersWithoutAccount orders={orphanOrders} />}
      <p class="records-muted">
        Личный кабинет создаётся, когда оплачен первый заказ клиента. Неоплаченные заказы и заказы, оплаченные до появления кабинетов, ни к
        какому клиенту не привязаны: поиск показывает их отдельной таблицей, а все заказы — в разделе «Заказы».
      </p>
    </section>
  );
}

function OrdersWithoutAccount({ orders }: { orders: Order[] }) {
  return (
    <>
      <h2>Заказы без личного кабинета</h2>
      {orders.length === 0 ? (
        <p>Таких заказов по этому запросу нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Заказ</th>
                <th>Покупатель</th>
                <th>Почта и телефон</th>
                <th>Услуга</th>
                <th>Состояние</th>
                <th>Создан (мск)</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr>
                  <td class="records-nowrap" data-label="Заказ">
                    <a href={`/admin/orders/${order.id}`}>{orderNumber(order.number)}</a>
                  </td>
                  <td data-label="Покупатель">{order.customerName}</td>
                  <td data-label="Почта и телефон">
                    {order.customerEmail}
                    <br />
                    <span class="records-nowrap">{displayPhone(order.customerPhone)}</span>
                  </td>
                  <td data-label="Услуга">{order.serviceTitle}</td>
                  <td data-label="Состояние">{orderStateNames[order.state]}</td>
                  <td class="records-nowrap" data-label="Создан (мск)">{moscowShort(order.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
