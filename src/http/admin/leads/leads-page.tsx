import { callbackCountdown } from '../../../domain/orders/callback-queue.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import type { LeadRow } from '../../../db/queries/leads.js';
import { ButtonForm } from '../orders/fields.js';
import { Phone } from '../orders/format.js';
import { UtmLine } from '../views/utm-rows.js';

export interface LeadsPageProps {
  waiting: LeadRow[];
  contacted: LeadRow[];
  now: Date;
  csrfToken: string;
  notice: string | null;
}

/** Call-back requests from the Tilda site: the waiting ones by deadline (one working hour, like a paid order), then the recent ones called. */
export function LeadsPage({ waiting, contacted, now, csrfToken, notice }: LeadsPageProps) {
  return (
    <section>
      <h1>Заявки на звонок</h1>
      <p>
        Заявки из форм «Заказать звонок» на сайте (Tilda). Перезвонить нужно в тот же срок, что и по оплаченному заказу: в
        течение рабочего часа (время московское). Клиент ещё ничего не оплатил.
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <h2>Ждут звонка: {waiting.length}</h2>
      {waiting.length === 0 ? <p class="panel">Всем, кто оставил заявку, уже перезвонили.</p> : <LeadTable rows={waiting} now={now} csrfToken={csrfToken} />}
      {contacted.length > 0 && (
        <>
          <h2>Недавно перезвонили</h2>
          <LeadTable rows={contacted} now={now} csrfToken={csrfToken} />
        </>
      )}
    </section>
  );
}

function LeadTable({ rows, now, csrfToken }: { rows: LeadRow[]; now: Date; csrfToken: string }) {
  return (
    <div class="table-scroll">
      <table class="data-table orders-stack leads-table" data-server-now={String(now.getTime())}>
        <thead>
          <tr>
            <th scope="col">Клиент</th>
            <th scope="col">Заявка</th>
            <th scope="col">Получена</th>
            <th scope="col">Срок звонка</th>
            <th scope="col">Звонок</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((lead) => (
            <LeadRowView lead={lead} now={now} csrfToken={csrfToken} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LeadRowView({ lead, now, csrfToken }: { lead: LeadRow; now: Date; csrfToken: string }) {
  const countdown = lead.contactedAt ? null : callbackCountdown(lead.callbackDueAt, now);
  return (
    <tr id={`lead-${lead.id}`} class={countdown?.overdue ? 'orders-overdue-row' : undefined}>
      <td data-label="Клиент">
        <div>
          {lead.name}
          <br />
          <Phone e164={lead.phone} />
          {lead.email && (
            <>
              <br />
              <a href={`mailto:${lead.email}`}>{lead.email}</a>
            </>
          )}
        </div>
      </td>
      <td data-label="Заявка">
        <div>
          {lead.service ?? 'Услуга не указана'}
          {lead.comment && <p class="orders-note">{lead.comment}</p>}
          <UtmLine record={lead} />
        </div>
      </td>
      <td class="orders-when" data-label="Получена">
        {moscowShort(lead.receivedAt)}
      </td>
      <td class="orders-when" data-label="Срок звонка">
        {moscowShort(lead.callbackDueAt)}
      </td>
      <td data-label="Звонок">
        <div>
          {lead.contactedAt ? (
            `${moscowShort(lead.contactedAt)}, ${lead.contactedByName ?? 'сотрудник'}`
          ) : (
            <>
              <span class={countdown!.overdue ? 'orders-when overdue' : 'orders-when'} data-due={String(lead.callbackDueAt.getTime())}>
                {countdown!.text}
              </span>
              <br />
              <ButtonForm action={`/admin/leads/${lead.id}/contacted`} csrfToken={csrfToken} label="Перезвонили" />
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
