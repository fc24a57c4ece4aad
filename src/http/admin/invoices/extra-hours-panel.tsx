import type { SurchargeOffer } from '../../../actions/invoices/issue-invoice.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { EXTRA_HOURS_NOTE_MAX, hoursSummary } from '../../../domain/invoices/extra-hours.js';
import { formatDuration } from '../../../domain/invoices/surcharge.js';
import { hoursNumber } from '../../../domain/orders/work-hours.js';
import type { ExtraHoursRequestItem } from '../../../db/queries/extra-hours.js';
import { CardForm, TextArea, TextField, type Errors } from '../orders/fields.js';

const stateWords = { pending: 'ждёт ответа клиента', approved: 'клиент одобрил', discuss: 'клиент просит обсудить' } as const;

export interface ExtraHoursForm {
  open: boolean;
  csrfToken: string;
  errors?: Errors;
  values?: Record<string, string>;
}

/**
 * Part of the order card's «Доплаты»: the hours in the four words everyone uses (included, agreed,
 * worked, to pay), the requests for the client's agreement and their answers, and the form that asks.
 */
export function ExtraHoursPanel({ offer, requests, form }: { offer: Exclude<SurchargeOffer, { kind: 'not_found' }>; requests: ExtraHoursRequestItem[]; form: ExtraHoursForm }) {
  const { basis } = offer;
  if (basis.includedHours === null) return null;
  const summary = hoursSummary({ includedMinutes: basis.includedHours * 60, workedMinutes: basis.workedMinutes, invoicedMinutes: basis.invoicedMinutes, ...basis.agreement });
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <div id="extra-hours">
      <dl class="summary">
        <dt>Входит в услугу</dt>
        <dd>{formatDuration(basis.includedHours * 60)}</dd>
        <dt>Согласовано с клиентом</dt>
        <dd>{formatDuration(summary.agreedMinutes)}</dd>
        <dt>Отработано</dt>
        <dd>{formatDuration(basis.workedMinutes)}</dd>
        <dt>К доплате</dt>
        <dd>{summary.toPayMinutes > 0 ? formatDuration(summary.toPayMinutes) : 'нет'}</dd>
        {summary.unapprovedMinutes > 0 && (
          <>
            <dt>Сверх согласованного</dt>
            <dd>
              <strong class="overdue">{formatDuration(summary.unapprovedMinutes)}</strong> — в счёт только после согласия клиента
            </dd>
          </>
        )}
      </dl>
      {offer.kind === 'refused' && summary.unapprovedMinutes > 0 && <p class="notice">{offer.message}</p>}
      {requests.length > 0 && (
        <ul class="extra-hours-requests">
          {requests.map((request) => (
            <li>
              {formatDuration(request.minutes)}: <strong>{stateWords[request.state]}</strong> · запрос: {request.requestedByName}, {moscowShort(request.requestedAt)} мск
              {request.answeredAt && `; ответ ${moscowShort(request.answeredAt)} мск`}
              {request.clientComment && <p class="orders-note">Клиент: «{request.clientComment}»</p>}
            </li>
          ))}
        </ul>
      )}
      {form.open && (
        <CardForm action={`/admin/orders/${basis.order.id}/extra-hours`} csrfToken={form.csrfToken} errors={form.errors}>
          <h3>Запросить согласие клиента на дополнительные часы</h3>
          <TextField
            id="extra-hours-hours"
            name="hours"
            label="Дополнительных часов"
            hint="Сверх согласованных; с точностью до четверти часа."
            value={v.hours ?? (summary.unaskedMinutes > 0 ? hoursNumber(summary.unaskedMinutes) : '')}
            inputMode="decimal"
            error={e.hours}
            maxLength={10}
          />
          <TextArea id="extra-hours-note" name="note" label="Комментарий для клиента" hint="Клиент увидит его в письме и в личном кабинете: что ещё нужно сделать и почему." value={v.note ?? ''} error={e.note} maxLength={EXTRA_HOURS_NOTE_MAX} rows={3} />
          <button type="submit" class="button button-small">
            Отправить клиенту на согласование
          </button>
        </CardForm>
      )}
    </div>
  );
}
