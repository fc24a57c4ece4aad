import type { ClientCard } from '../../../db/queries/admin-clients.js';
import type { PaymentAttempt, PaymentOperation } from '../../../db/queries/payments.js';
import { cardBrandName } from '../../../domain/payments/card-brand.js';
import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { orderStateNames, orderStateTones } from '../../../domain/orders/order-workflow.js';
import { invoiceNumber, orderNumber } from '../../../domain/orders/order-number.js';
import type { AttemptState } from '../../../domain/payments/payment-machine.js';
import { Address, EmailStatusBadge, emailKindName } from '../emails/email-labels.js';
import { AccountStateBadge, displayPhone } from './client-bits.js';

const attemptStateNames: Record<AttemptState, string> = {
  created: 'Создан',
  initiated: 'Ждёт оплаты',
  paid: 'Оплачен',
  failed: 'Не прошёл',
  expired: 'Истёк',
  cancelled: 'Отменён',
  refunded: 'Возвращён',
};
const operationNames: Record<PaymentOperation['kind'], string> = { capture: 'Списание', cancel: 'Отмена', refund: 'Возврат' };
const operationStateNames: Record<PaymentOperation['state'], string> = { pending: 'в обработке', succeeded: 'выполнено', failed: 'не удалось', unknown: 'ответ банка не получен' };
const offlineMethodNames = { bank_transfer: 'банковский перевод', cash: 'наличные' } as const;

export interface ClientCardProps {
  card: ClientCard;
  now: Date;
  /** Whether the viewer may open the outbox (accountants may not). */
  canOpenEmails: boolean;
}

export function ClientCardPage({ card, now, canOpenEmails }: ClientCardProps) {
  const { client } = card;
  return (
    <section class="records-card">
      <p class="breadcrumbs">
        <a href="/admin/clients">← Клиенты</a>
      </p>
      <h1>{client.name}</h1>
      <div class="records-panels">
        <div class="panel">
          <h2>Контакты</h2>
          <dl class="records-facts">
            <dt>Почта</dt>
            <dd>
              <a href={`mailto:${client.email}`}>{client.email}</a>
            </dd>
            <dt>Телефон</dt>
            <dd>
              <a href={`tel:${client.phone}`}>{displayPhone(client.phone)}</a>
            </dd>
            <dt>Логин</dt>
            <dd>{client.login}</dd>
          </dl>
        </div>
        <div class="panel">
          <h2>Личный кабинет</h2>
          <dl class="records-facts">
            <dt>Состояние</dt>
            <dd>
              <AccountStateBadge state={client.state} />
            </dd>
            <dt>Почта подтверждена</dt>
            <dd>{client.emailVerifiedAt ? `${moscowShort(client.emailVerifiedAt)} (мск)` : 'нет'}</dd>
            <dt>Создан</dt>
            <dd>{moscowShort(client.createdAt)} (мск)</dd>
            <dt>Пароль</dt>
            <dd>{passwordState(client.temporaryPasswordUntil, now)}</dd>
          </dl>
        </div>
      </div>
      <Orders card={card} />
      <Payments card={card} />
      <Emails card={card} canOpenEmails={canOpenEmails} />
    </section>
  );
}

function passwordState(temporaryUntil: Date | null, now: Date): string {
  if (!temporaryUntil) return 'задан клиентом';
  if (temporaryUntil > now) return `временный, действует до ${moscowShort(temporaryUntil)} (мск)`;
  return 'временный использован или истёк; клиенту нужно задать свой (или восстановить пароль)';
}

function Orders({ card }: { card: ClientCard }) {
  return (
    <>
      <h2>Заказы</h2>
      {card.orders.length === 0 ? (
        <p>Заказов нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Заказ</th>
                <th>Услуга</th>
                <th>Состояние</th>
                <th class="num">Сумма</th>
                <th>Оплачен (мск)</th>
              </tr>
            </thead>
            <tbody>
              {card.orders.map((order) => (
                <tr>
                  <td class="records-nowrap" data-label="Заказ">
                    <a href={`/admin/orders/${order.id}`}>{orderNumber(order.number)}</a>
                  </td>
                  <td data-label="Услуга">{order.serviceTitle}</td>
                  <td data-label="Состояние">
                    <span class={`badge${orderStateTones[order.state] === 'neutral' ? '' : ` badge-${orderStateTones[order.state]}`}`}>{orderStateNames[order.state]}</span>
                  </td>
                  <td class="num" data-label="Сумма">{formatRub(order.priceKopecks)}</td>
                  <td class="records-nowrap" data-label="Оплачен (мск)">{order.paidAt ? moscowShort(order.paidAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Payments({ card }: { card: ClientCard }) {
  const numberOf = new Map(card.orders.map((order) => [order.id, orderNumber(order.number)]));
  const operationsOf = (attempt: PaymentAttempt) => card.operations.filter((operation) => operation.attemptId === attempt.id);
  return (
    <>
      <h2>Платежи</h2>
      {card.attempts.length === 0 && card.offlinePayments.length === 0 ? (
        <p>Попыток оплаты нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Начат (мск)</th>
                <th>За что</th>
                <th class="num">Сумма</th>
                <th>Карта</th>
                <th>Состояние</th>
                <th>Списания, отмены, возвраты</th>
              </tr>
            </thead>
            <tbody>
              {card.attempts.map((attempt) => (
                <tr>
                  <td class="records-nowrap" data-label="Начат (мск)">{moscowShort(attempt.createdAt)}</td>
                  <td data-label="За что">
                    {attempt.invoiceId ? 'Доплата по заказу' : 'Заказ'}{' '}
                    <a class="records-nowrap" href={`/admin/orders/${attempt.orderId}`}>
                      {numberOf.get(attempt.orderId)}
                    </a>
                  </td>
                  <td class="num" data-label="Сумма">{formatRub(attempt.amountKopecks)}</td>
                  <td class="records-nowrap" data-label="Карта">{attempt.cardLast4 ? `${attempt.cardBrand ? cardBrandName(attempt.cardBrand) : 'Карта'} •••• ${attempt.cardLast4}` : '—'}</td>
                  <td data-label="Состояние">
                    {attemptStateNames[attempt.state]}
                    {attempt.paidAt && <div class="records-muted">оплачен {moscowShort(attempt.paidAt)}</div>}
                    {attempt.failureDescription && <div class="records-muted">{attempt.failureDescription}</div>}
                  </td>
                  <td data-label="Списания, отмены, возвраты">
                    <Operations operations={operationsOf(attempt)} />
                  </td>
                </tr>
              ))}
              {card.offlinePayments.map((invoice) => (
                <tr>
                  <td class="records-nowrap" data-label="Начат (мск)">{invoice.paidAt ? moscowShort(invoice.paidAt) : '—'}</td>
                  <td data-label="За что">
                    Доплата{' '}
                    <a class="records-nowrap" href={`/admin/orders/${invoice.orderId}`}>
                      {invoiceNumber(card.orders.find((order) => order.id === invoice.orderId)!.number, invoice.ordinal)}
                    </a>
                  </td>
                  <td class="num" data-label="Сумма">{formatRub(invoice.amountKopecks)}</td>
                  <td data-label="Карта">{invoice.offlineMethod ? offlineMethodNames[invoice.offlineMethod] : '—'}</td>
                  <td data-label="Состояние">
                    Отмечена оплаченной
                    {invoice.offlineNote && <div class="records-muted">{invoice.offlineNote}</div>}
                  </td>
                  <td data-label="Списания, отмены, возвраты">—</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Operations({ operations }: { operations: PaymentOperation[] }) {
  if (operations.length === 0) return <>—</>;
  return (
    <ul class="records-plain-list">
      {operations.map((operation) => (
        <li>
          {operationNames[operation.kind]} {formatRub(operation.amountKopecks)}: {operationStateNames[operation.state]}, {moscowShort(operation.completedAt ?? operation.createdAt)}
          {operation.state === 'failed' && operation.gatewayDescription && <div class="records-muted">{operation.gatewayDescription}</div>}
        </li>
      ))}
    </ul>
  );
}

function Emails({ card, canOpenEmails }: { card: ClientCard; canOpenEmails: boolean }) {
  return (
    <>
      <h2>Письма клиенту</h2>
      {card.emails.length === 0 ? (
        <p>Писем нет.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table records-stack">
            <thead>
              <tr>
                <th>Создано (мск)</th>
                <th>Тема</th>
                <th>Кому</th>
                <th>Статус</th>
                <th>Отправлено (мск)</th>
              </tr>
            </thead>
            <tbody>
              {card.emails.map((email) => (
                <tr>
                  <td class="records-nowrap" data-label="Создано (мск)">{moscowShort(email.createdAt)}</td>
                  <td data-label="Тема">
                    {canOpenEmails ? <a href={`/admin/emails/${email.id}`}>{email.subject}</a> : email.subject}
                    <div class="records-muted">{emailKindName(email.kind)}</div>
                  </td>
                  <td class="records-address" data-label="Кому">
                    <Address email={email.to} />
                  </td>
                  <td data-label="Статус">
                    <EmailStatusBadge status={email.status} />
                  </td>
                  <td class="records-nowrap" data-label="Отправлено (мск)">{email.sentAt ? moscowShort(email.sentAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
