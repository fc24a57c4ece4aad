import { TEST_CARDS, type CardErrors, type CardFields } from '../cards.js';
import type { Payment } from '../store.js';
import { Shell } from './shell.js';
import { PaymentSummary } from './summary.js';

interface Props {
  payment: Payment;
  merchantName: string;
  action: string;
  values?: Partial<CardFields>;
  errors?: CardErrors;
}

/** The card step. Checks run on the server, so the page needs no JavaScript. */
export function CardFormPage({ payment, merchantName, action, values = {}, errors = {} }: Props) {
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Shell title="Оплата картой">
      <div class="grid">
        <section class="card" aria-labelledby="pay-title">
          <h1 id="pay-title">Оплата картой</h1>
          <PaymentSummary payment={payment} merchantName={merchantName} />
          {hasErrors ? (
            <p class="alert" role="alert">
              Проверьте данные карты: исправьте отмеченные поля.
            </p>
          ) : null}
          <form method="post" action={action} novalidate>
            <Field name="pan" label="Номер карты" autocomplete="cc-number" inputmode="numeric" placeholder="0000 0000 0000 0000" maxLength={23} values={values} errors={errors} />
            <div class="row">
              <Field name="expiry" label="Срок действия" autocomplete="cc-exp" inputmode="numeric" placeholder="ММ/ГГ" maxLength={5} values={values} errors={errors} />
              {/* The CVC is never echoed back into the page. */}
              <Field name="cvc" label="CVC/CVV" autocomplete="cc-csc" inputmode="numeric" placeholder="123" maxLength={3} values={{}} errors={errors} />
            </div>
            <Field name="holder" label="Имя владельца карты" autocomplete="cc-name" placeholder="IVAN IVANOV" maxLength={100} values={values} errors={errors} />
            <button type="submit">Оплатить</button>
          </form>
        </section>
        <TestCards />
      </div>
    </Shell>
  );
}

function Field(props: {
  name: keyof CardFields;
  label: string;
  autocomplete: string;
  inputmode?: 'numeric';
  placeholder: string;
  maxLength: number;
  values: Partial<CardFields>;
  errors: CardErrors;
}) {
  const { name, label, errors } = props;
  const error = errors[name];
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type="text"
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        value={props.values[name] ?? ''}
        required
        {...(error ? { 'aria-invalid': 'true', 'aria-describedby': `e-${name}` } : {})}
      />
      {error ? (
        <p class="error" id={`e-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const yes = (value: boolean) => (value ? 'да' : 'нет');

export function TestCards() {
  return (
    <section class="card" aria-labelledby="cards-title">
      <h2 id="cards-title">Тестовые карты</h2>
      <p class="muted">
        Срок действия — любой в будущем, CVC — любые три цифры, имя — любое. Код 3-D Secure: 111111 (любой другой — отказ).
        Другие номера, прошедшие проверку Луна, оплачиваются без 3-D Secure.
      </p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Номер</th>
              <th scope="col">3-D Secure</th>
              <th scope="col">Результат</th>
            </tr>
          </thead>
          <tbody>
            {TEST_CARDS.map((card) => (
              <tr>
                <td class="pan">{card.pan.replace(/(\d{4})(?=\d)/g, '$1 ')}</td>
                <td>{yes(card.threeDs)}</td>
                <td>{card.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">Таблица — по документации Freedom Pay (docs/freedompay-protocol.md#test-cards); «отмена» — cancel.php, «списание» — do_capture.php, «возврат» — revoke.php.</p>
    </section>
  );
}
