import { lastAcceptanceDay, REMARKS_MAX } from '../../domain/orders/acceptance.js';
import { actTitle } from '../../domain/orders/service-act.js';
import type { ServiceAct, WorkHandover } from '../../db/queries/acceptance.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { describedBy, FieldFrame, PostForm } from '../views/form-kit.js';

export interface AcceptanceView {
  /** The order's hand-overs, newest first. */
  handovers: WorkHandover[];
  act: ServiceAct | undefined;
  /** «5 (пяти) рабочих дней»: the offer's period. */
  period: string;
  /** After a refused answer: the message next to the remarks, and what was typed. */
  error?: string;
  remarks?: string;
}

export const actHref = (orderRef: string) => `/account/orders/${orderRef}/act.pdf`;

/**
 * The client's side of the acceptance (docs/accounts.md#acceptance-of-work): while the work waits, «Принять
 * работу» or «Есть замечания» with what is missing (required); earlier remarks stay listed; once the order
 * is completed, the act of services rendered to open or download.
 */
export function AcceptancePanel(props: { orderRef: string; waiting: boolean; csrfToken: string } & AcceptanceView) {
  const { handovers, act, orderRef } = props;
  const current = props.waiting ? handovers.find((handover) => handover.state === 'waiting') : undefined;
  const remarks = handovers.filter((handover) => handover.state === 'remarks');
  if (!current && !act && remarks.length === 0 && !props.error) return null;
  const action = `/account/orders/${orderRef}/acceptance`;
  return (
    <div class="panel" id="acceptance">
      <h2>Приёмка работы</h2>
      {props.error && !current && (
        <p class="error-summary" role="alert" tabindex={-1} autofocus>
          {props.error}
        </p>
      )}
      {current && (
        <>
          <p>
            Работа сдана {moscowDateTime(current.handedOverAt)} (мск). Проверьте результат и примите работу или напишите, что не сделано или сделано не так.
          </p>
          <p>
            <strong>Ответьте до {lastAcceptanceDay(current.acceptBy)} включительно.</strong> По оферте на приёмку у вас {props.period}; если до конца срока
            замечаний не будет, работа считается принятой без замечаний.
          </p>
          <PostForm action={action} csrfToken={props.csrfToken}>
            <input type="hidden" name="answer" value="accept" />
            <button type="submit" class="button button-primary">
              Принять работу
            </button>
          </PostForm>
          <PostForm action={action} csrfToken={props.csrfToken}>
            <input type="hidden" name="answer" value="remarks" />
            <FieldFrame name="remarks" label="Что не сделано или сделано не так" hint="Менеджер исправит это и сдаст работу снова." error={props.error}>
              <textarea id="field-remarks" name="remarks" rows={4} maxLength={REMARKS_MAX} autofocus={Boolean(props.error)} {...describedBy('remarks', { hint: true, error: props.error })}>
                {props.remarks ?? ''}
              </textarea>
            </FieldFrame>
            <button type="submit" class="button">
              Есть замечания
            </button>
          </PostForm>
        </>
      )}
      {remarks.map((handover) => (
        <div class="acceptance-remarks">
          <p class="hint">Ваши замечания, {moscowDateTime(handover.answeredAt ?? handover.handedOverAt)} (мск):</p>
          {(handover.remarks ?? '')
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => (
              <p>{line}</p>
            ))}
        </div>
      ))}
      {act && (
        <div id="act">
          <p>
            {act.data.acceptance === 'client' ? 'Вы приняли работу' : 'Работа принята без замечаний по истечении срока приёмки'},{' '}
            {moscowDateTime(act.issuedAt)} (мск).
          </p>
          <p>
            <a class="button" href={actHref(orderRef)}>
              {actTitle(act.data)} (PDF)
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
