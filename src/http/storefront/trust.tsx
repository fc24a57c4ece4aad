// What tells a first-time visitor the shop is safe to pay: the cards taken, where the card is typed,
// and what happens after paying. The card marks are simple drawings of our own, not the networks'
// logo files: inline SVG, so they cost no request.

export function PaymentMarks() {
  return (
    <ul class="pay-marks" aria-label="Принимаем карты">
      <li>
        <svg role="img" aria-label="Visa" viewBox="0 0 48 30" width="48" height="30">
          <rect width="48" height="30" rx="4" fill="#1a1f71" />
          <text x="24" y="20" text-anchor="middle" font-family="Arial, sans-serif" font-size="13" font-weight="700" font-style="italic" fill="#fff">VISA</text>
        </svg>
      </li>
      <li>
        <svg role="img" aria-label="Mastercard" viewBox="0 0 48 30" width="48" height="30">
          <rect x="0.5" y="0.5" width="47" height="29" rx="4" fill="#fff" stroke="#c4cad1" />
          <circle cx="19" cy="15" r="9" fill="#eb001b" />
          <circle cx="29" cy="15" r="9" fill="#f79e1b" fill-opacity="0.9" />
        </svg>
      </li>
      <li>
        <svg role="img" aria-label="Мир" viewBox="0 0 48 30" width="48" height="30">
          <rect width="48" height="30" rx="4" fill="#0f754e" />
          <text x="24" y="20" text-anchor="middle" font-family="Arial, sans-serif" font-size="13" font-weight="700" fill="#fff">МИР</text>
        </svg>
      </li>
    </ul>
  );
}

/** The cards and the hosted payment page, next to the «pay» button and in the catalog. */
export function PaymentTrust() {
  return (
    <div class="pay-trust">
      <PaymentMarks />
      <p class="hint">
        Оплата картой на защищённой странице платёжного сервиса Freedom Pay. Данные карты вводятся только там: нам они не передаются.
      </p>
    </div>
  );
}

/**
 * The road from order to finished work. `callBy` is when the manager would call if the visitor paid
 * now («сегодня, во вторник, 24 ноября, до 12:20»), on the Moscow working calendar.
 */
export function HowItWorks({ callBy }: { callBy: string }) {
  return (
    <section class="how" aria-labelledby="how-title">
      <h2 id="how-title">Как это работает</h2>
      <ol class="steps">
        <li>
          <strong>Заказ</strong> Выберите услугу и заполните короткую форму.
        </li>
        <li>
          <strong>Оплата</strong> Картой Visa, Mastercard или «Мир» на защищённой странице Freedom Pay.
        </li>
        <li>
          <strong>Звонок менеджера</strong> В течение рабочего часа: при оплате сейчас — {callBy} (мск). Менеджер уточнит задачу.
        </li>
        <li>
          <strong>Работа</strong> Делаем согласованное; ход заказа виден в личном кабинете.
        </li>
        <li>
          <strong>Доплата — только по договорённости</strong> Часы сверх включённых в цену оплачиваются отдельным счётом, если вы их согласовали.
        </li>
      </ol>
    </section>
  );
}
