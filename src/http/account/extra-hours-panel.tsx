import { moscowDateTime } from '../../email/templates/format.js';
import { hoursSummary } from '../../domain/invoices/extra-hours.js';
import { proposeSurcharge } from '../../domain/invoices/surcharge.js';
import { formatRub } from '../../domain/money.js';
import { formatHours } from '../../domain/orders/work-hours.js';
import type { ExtraHoursRequestItem } from '../../db/queries/extra-hours.js';
import type { SurchargeBasis } from '../../db/queries/invoices.js';
import { PostForm } from '../views/form-kit.js';

const answered = { approved: 'Одобрено', discuss: 'Отправлено на обсуждение с менеджером' } as const;

/**
 * The client's side of extra hours: the hours in the four words (included, agreed, worked, to pay) and
 * the manager's requests, each approved or sent back for discussion here. Nothing beyond the agreed
 * hours is invoiced without the client's approval.
 */
export function ExtraHoursPanel(props: { orderRef: string; basis: SurchargeBasis; requests: ExtraHoursRequestItem[]; csrfToken: string; error?: string }) {
  const { basis, requests } = props;
  if (basis.billing !== 'hourly' || basis.includedHours === null) return null;
  const summary = hoursSummary({ includedMinutes: basis.includedHours * 60, workedMinutes: basis.workedMinutes, invoicedMinutes: basis.invoicedMinutes, ...basis.agreement });
  if (basis.workedMinutes === 0 && requests.length === 0) return null;
  return (
    <div class="panel" id="extra-hours">
      <h2>Часы и доплата</h2>
      <dl class="summary">
        <dt>Входит в услугу</dt>
        <dd>{formatHours(basis.includedHours * 60)}</dd>
        <dt>Согласовано с вами</dt>
        <dd>{formatHours(summary.agreedMinutes)}</dd>
        <dt>Отработано</dt>
        <dd>{formatHours(basis.workedMinutes)}</dd>
        <dt>К доплате</dt>
        <dd>{summary.toPayMinutes > 0 ? formatHours(summary.toPayMinutes) : 'нет'}</dd>
      </dl>
      <p class="hint">Доплата — только за часы сверх входящих в услугу и только в пределах согласованных с вами.</p>
      {props.error && (
        <p class="error-summary" role="alert" tabindex={-1} autofocus>
          {props.error}
        </p>
      )}
      {requests.map((request) => (
        <div class={`extra-hours-request extra-hours-${request.state}`}>
          <h3>
            Дополнительно {formatHours(request.minutes)} × {formatRub(request.hourlyRateKopecks)} за час ={' '}
            {formatRub(proposeSurcharge({ workedMinutes: request.minutes, includedHours: 0, hourlyRateKopecks: request.hourlyRateKopecks }).amountKopecks)}
          </h3>
          <p class="hint">
            Запрос менеджера {request.requestedByName}, {moscowDateTime(request.requestedAt)} (мск):
          </p>
          {request.note.split('\n').filter((line) => line.trim() !== '').map((line) => <p>{line}</p>)}
          {request.state === 'pending' ? (
            <>
              <PostForm action={`/account/orders/${props.orderRef}/extra-hours/${request.id}`} csrfToken={props.csrfToken}>
                <input type="hidden" name="answer" value="approve" />
                <button type="submit" class="button button-primary">
                  Одобрить {formatHours(request.minutes)}
                </button>
              </PostForm>
              <PostForm action={`/account/orders/${props.orderRef}/extra-hours/${request.id}`} csrfToken={props.csrfToken}>
                <input type="hidden" name="answer" value="discuss" />
                <div class="field">
                  <label for={`comment-${request.id}`}>Вопрос или комментарий менеджеру (необязательно)</label>
                  <textarea id={`comment-${request.id}`} name="comment" rows={2} maxLength={1000} />
                </div>
                <button type="submit" class="button">
                  Обсудить с менеджером
                </button>
              </PostForm>
            </>
          ) : (
            <p>
              <strong>{answered[request.state]}</strong>
              {request.answeredAt && `, ${moscowDateTime(request.answeredAt)} (мск)`}.
              {request.clientComment && ` Ваш комментарий: «${request.clientComment}».`}
              {request.state === 'discuss' && ' Менеджер свяжется с вами.'}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}
