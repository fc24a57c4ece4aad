import { formatRub, roublesForInput } from '../../../domain/money.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import { invoiceTitle } from '../../../domain/transfers/bank-invoice.js';
import type { TransferFormErrors, TransferFormValues } from '../../../domain/transfers/transfer-form.js';
import type { WaitingBankInvoice } from '../../../db/queries/transfers.js';
import { describedBy, ErrorSummary, FieldFrame, Input } from '../../views/form-kit.js';

const labels = { amount: 'Сумма', received_on: 'Дата поступления', payer: 'Плательщик', note: 'Примечание' };

/** «Отметить оплату по счёту»: a transfer seen in the bank, recorded by hand. */
export function MarkTransferPage({ waiting, values, errors = {}, csrfToken }: { waiting: WaitingBankInvoice; values?: TransferFormValues; errors?: TransferFormErrors; csrfToken: string }) {
  const { invoice, order, payer } = waiting;
  const v: TransferFormValues = values ?? { amount: roublesForInput(invoice.amountKopecks), payer: payer.companyName };
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/admin/transfers">Оплаты по счетам</a>
      </p>
      <h1>{invoiceTitle(invoice.number, invoice.issuedAt)}</h1>
      <dl class="summary">
        <dt>Заказ</dt>
        <dd>
          <a href={`/admin/orders/${order.id}`}>№ {orderNumber(order.number)}</a>, {invoice.description}
        </dd>
        <dt>Покупатель</dt>
        <dd>
          {payer.companyName}, ИНН {payer.inn}
          {payer.kpp && `, КПП ${payer.kpp}`}
        </dd>
        <dt>Сумма счёта</dt>
        <dd>{formatRub(invoice.amountKopecks)}</dd>
      </dl>
      <form method="post" action={`/admin/transfers/${invoice.id}`} novalidate class="panel">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <h2>Отметить оплату</h2>
        <ErrorSummary errors={errors} labels={labels} />
        <Input name="amount" label={labels.amount} autocomplete="off" value={v.amount} errors={errors} hint="Как в выписке, например «15 000» или «15 000,50»." maxLength={20} />
        <FieldFrame name="received_on" label={labels.received_on} error={errors.received_on}>
          <input type="date" id="field-received_on" name="received_on" value={v.received_on ?? ''} {...(errors.received_on ? { 'aria-invalid': 'true' as const } : {})} {...describedBy('received_on', { error: errors.received_on })} />
        </FieldFrame>
        <Input name="payer" label={labels.payer} autocomplete="off" value={v.payer} errors={errors} hint="Как в выписке банка." maxLength={200} />
        <FieldFrame name="note" label={`${labels.note} (необязательно)`} hint="Номер платёжного поручения, откуда известно о платеже." error={errors.note}>
          <textarea id="field-note" name="note" rows={3} maxLength={1000} {...describedBy('note', { hint: true, error: errors.note })}>
            {v.note ?? ''}
          </textarea>
        </FieldFrame>
        <p class="hint">Заказ станет оплаченным сейчас: клиент получит письма и доступ в личный кабинет, срок звонка менеджера отсчитывается с этого момента. Кассовый чек не пробивается.</p>
        <button type="submit" class="button">
          Оплата получена
        </button>
      </form>
    </section>
  );
}
