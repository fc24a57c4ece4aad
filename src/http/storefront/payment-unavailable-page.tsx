/** The gateway did not answer or refused to start the payment; the order is kept. */
export function PaymentUnavailablePage({ orderRef, csrfToken }: { orderRef: string; csrfToken: string }) {
  return (
    <section class="order-status">
      <h1>Платёжный сервис не отвечает</h1>
      <p class="status status-failed" role="alert">
        Нам не удалось открыть страницу оплаты. Заказ сохранён, деньги не списаны.
      </p>
      <form method="post" action={`/orders/${orderRef}/pay`}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="button button-primary">
          Попробовать ещё раз
        </button>
      </form>
      <p>
        Можно вернуться позже: <a href={`/orders/${orderRef}`}>страница заказа</a> сохранит его.
      </p>
    </section>
  );
}
