import { DateTime } from 'luxon';
import { cardBrandName } from '../../domain/payments/card-brand.js';
import { formatRub } from '../../domain/money.js';
import type { Order } from '../../db/queries/orders.js';
import type { PaymentAttempt } from '../../db/queries/payments.js';

export interface OrderPageProps {
  order: Order;
  /** The newest payment attempt, if any. */
  attempt: PaymentAttempt | undefined;
  /** When the manager will call, in words («сегодня до 12:20»); set once the order is paid. */
  managerDeadline: string | null;
  /** Whether the customer's address already had a personal account before this order (once paid). */
  returningClient: boolean;
  csrfToken: string;
}

/** What the visitor sees about the payment; derived from server-side state only, never from the browser's return. */
export type PaymentView = 'unpaid' | 'checking' | 'failed' | 'paid' | 'review' | 'cancelled' | 'refunded';

export function paymentView(order: Order, attempt: PaymentAttempt | undefined): PaymentView {
  switch (order.state) {
    case 'paid':
    case 'contacted':
    case 'specified':
    case 'in_work':
    case 'completed':
      return 'paid';
    case 'needs_review':
      return 'review';
    case 'cancelled':
      return 'cancelled';
    case 'refunded':
      return 'refunded';
    case 'awaiting_payment':
      if (attempt?.state === 'initiated') return 'checking';
      if (attempt?.state === 'failed' || attempt?.state === 'expired') return 'failed';
      return 'unpaid';
  }
}

const moscow = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Moscow' }).setLocale('ru').toFormat("d MMMM yyyy 'в' HH:mm");

export function OrderPage({ order, attempt, managerDeadline, returningClient, csrfToken }: OrderPageProps) {
  const view = paymentView(order, attempt);
  return (
    <section class="order-status">
      <h1>{headings[view]}</h1>
      <Status view={view} attempt={attempt} managerDeadline={managerDeadline} />
      <dl class="summary">
        <dt>Услуга</dt>
        <dd>{order.serviceTitle}</dd>
        <dt>Стоимость</dt>
        <dd>{formatRub(order.priceKopecks)}</dd>
        <dt>Оформлен</dt>
        <dd>{moscow(order.createdAt)} (мск)</dd>
        {order.paidAt && (
          <>
            <dt>Оплачен</dt>
            <dd>{moscow(order.paidAt)} (мск)</dd>
          </>
        )}
        {view === 'paid' && attempt?.cardLast4 && (
          <>
            <dt>Карта</dt>
            <dd>
              {attempt.cardBrand ? `${cardBrandName(attempt.cardBrand)} ` : ''}•••• {attempt.cardLast4}
            </dd>
          </>
        )}
        <dt>Контактное лицо</dt>
        <dd>{order.customerName}</dd>
        {order.comment && (
          <>
            <dt>Комментарий</dt>
            <dd class="comment">{order.comment}</dd>
          </>
        )}
      </dl>
      {view === 'paid' && <ExpectedEmails email={order.customerEmail} returningClient={returningClient} />}
      {(view === 'unpaid' || view === 'failed') && (
        <form method="post" action={`/orders/${order.publicRef}/pay`}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="button button-primary">
            {view === 'failed' ? 'Оплатить снова' : 'Перейти к оплате'}
          </button>
        </form>
      )}
      <p>Сохраните адрес этой страницы: по нему всегда можно проверить состояние заказа.</p>
    </section>
  );
}

const headings: Record<PaymentView, string> = {
  unpaid: 'Заказ ожидает оплаты',
  checking: 'Проверяем оплату…',
  failed: 'Оплата не прошла',
  paid: 'Оплата подтверждена',
  review: 'Оплата получена',
  cancelled: 'Заказ отменён',
  refunded: 'Деньги возвращены',
};

function Status({ view, attempt, managerDeadline }: { view: PaymentView; attempt: PaymentAttempt | undefined; managerDeadline: string | null }) {
  switch (view) {
    case 'unpaid':
      return <p class="status status-waiting">Статус: <strong>ожидает оплаты</strong></p>;
    case 'checking':
      return (
        <div class="status status-waiting" role="status">
          <p>Ждём подтверждения от платёжного сервиса. Страница обновится сама через несколько секунд.</p>
          {attempt?.redirectUrl && (
            <p>
              Не завершили оплату? <a href={attempt.redirectUrl}>Вернуться на страницу оплаты</a>
            </p>
          )}
        </div>
      );
    case 'failed':
      return (
        <div class="status status-failed" role="alert">
          <p>{failureText(attempt)}</p>
          <p>Деньги не списаны. Можно попробовать ещё раз, в том числе другой картой.</p>
        </div>
      );
    case 'paid':
      return (
        <p class="status status-ok">
          Спасибо! Платёж получен. Менеджер свяжется с вами {managerDeadline ?? 'в течение рабочего часа'} по московскому
          времени, чтобы согласовать детали.
        </p>
      );
    case 'review':
      return <p class="status status-waiting">Платёж получен, но требует проверки. Менеджер свяжется с вами в ближайшее рабочее время.</p>;
    case 'cancelled':
      return <p class="status">Оплата отменена, деньги вернутся на карту.</p>;
    case 'refunded':
      return <p class="status">Оплата возвращена на карту. Срок зачисления зависит от банка.</p>;
  }
}

function failureText(attempt: PaymentAttempt | undefined): string {
  if (attempt?.state === 'expired') return 'Время на оплату истекло.';
  if (attempt?.failureCode === 'rejected_by_shop') return 'Сумма платежа не совпала с заказом, платёж отменён.';
  return attempt?.failureDescription ? `Банк отклонил платёж: ${attempt.failureDescription}` : 'Банк отклонил платёж.';
}

/** Which emails are on their way, so the client knows what to look for (and where the password is). */
function ExpectedEmails({ email, returningClient }: { email: string; returningClient: boolean }) {
  return (
    <div class="expected-emails">
      <h2>Проверьте почту</h2>
      <p>
        В течение нескольких минут на <strong>{email}</strong> придут письма:
      </p>
      <ol>
        <li>«Заказ оплачен» — детали заказа и когда позвонит менеджер;</li>
        {returningClient ? (
          <li>
            «Услуга добавлена в личный кабинет» — заказ уже в вашем <a href="/account/login">личном кабинете</a>, входите как обычно.
          </li>
        ) : (
          <>
            <li>«Доступ в личный кабинет» — логин и временный пароль;</li>
            <li>«Подтвердите адрес электронной почты» — ссылка, после которой откроется личный кабинет.</li>
          </>
        )}
      </ol>
      <p class="hint">Если писем нет, проверьте папку «Спам».</p>
    </div>
  );
}
