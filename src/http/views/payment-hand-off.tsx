import type { FastifyReply } from 'fastify';
import type { PaymentStart } from '../../actions/payments/send-attempt-to-gateway.js';
import { sendErrorPage } from './error-page.js';
import { sendPage } from './page.js';

// The one reply to «Оплатить» for an order and for a surcharge invoice: to the gateway's page, back
// to the page it came from when there is nothing to pay, or «try again» when the gateway did not answer.

export interface PayPage {
  /** The order's or the invoice's page. */
  url: string;
  /** Where «Оплатить» posts. */
  payAction: string;
  /** What is kept, in the visitor's words («Заказ сохранён…»). */
  kept: string;
}

export async function replyToPaymentStart(reply: FastifyReply, result: PaymentStart, page: PayPage) {
  switch (result.kind) {
    case 'redirect':
      return reply.redirect(result.url, 303);
    case 'not_found':
      return sendErrorPage(reply, 404);
    case 'not_payable':
      return reply.redirect(page.url, 303);
    case 'gateway_unavailable':
      return sendPage(reply, { title: 'Платёжный сервис не отвечает', status: 503 }, <PaymentUnavailablePage page={page} csrfToken={reply.generateCsrf()} />);
  }
}

/** The gateway did not answer or refused to start the payment; nothing is lost and nothing was charged. */
function PaymentUnavailablePage({ page, csrfToken }: { page: PayPage; csrfToken: string }) {
  return (
    <section class="order-status">
      <h1>Платёжный сервис не отвечает</h1>
      <p class="status status-failed" role="alert">
        Нам не удалось открыть страницу оплаты. {page.kept}
      </p>
      <form method="post" action={page.payAction}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="button button-primary">
          Попробовать ещё раз
        </button>
      </form>
      <p>
        <a href={page.url}>Вернуться позже</a>: страница сохранит всё как есть.
      </p>
    </section>
  );
}
