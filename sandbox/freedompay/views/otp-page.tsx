import type { Payment } from '../store.js';
import { Shell } from './shell.js';
import { PaymentSummary } from './summary.js';

/** The fake issuer's 3-D Secure step: one SMS code field. */
export function OtpPage({ payment, merchantName, action, panMasked }: { payment: Payment; merchantName: string; action: string; panMasked: string }) {
  return (
    <Shell title="Подтверждение платежа 3-D Secure">
      <section class="card" aria-labelledby="otp-title">
        <h1 id="otp-title">Подтверждение платежа (3-D Secure)</h1>
        <PaymentSummary payment={payment} merchantName={merchantName} />
        <p>
          Банк отправил SMS с кодом подтверждения на телефон владельца карты <strong>{panMasked}</strong>.
        </p>
        <form method="post" action={action}>
          <div class="field">
            <label for="f-otp">Код из SMS</label>
            <input id="f-otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" maxLength={6} required aria-describedby="otp-hint" />
            <p class="hint" id="otp-hint">
              В песочнице верный код — 111111. Любой другой код отклонит платёж с ошибкой 3-D Secure.
            </p>
          </div>
          <button type="submit">Подтвердить</button>
        </form>
      </section>
    </Shell>
  );
}
