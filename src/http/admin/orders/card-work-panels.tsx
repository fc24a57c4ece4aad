import { moscowDay, moscowShort } from '../../../domain/calendar/moscow-time.js';
import { contactChannelNames, contactChannels, contactOutcomeNames, contactOutcomes, NOTE_MAX, SPEC_MAX } from '../../../domain/orders/order-work-forms.js';
import { formatRub } from '../../../domain/money.js';
import { formatHours, hoursBalance, hoursNumber } from '../../../domain/orders/work-hours.js';
import type { OrderCardData } from '../../../db/queries/admin-orders.js';
import { CardForm, Select, TextArea, TextField, type Errors } from './fields.js';

// The order card's work panels: the contact log, the specification, the hours. Each shows its form
// only when the member may work on orders and the order's state allows the step.

export interface FormState {
  /** Shown when the member may use the form now. */
  open: boolean;
  csrfToken: string;
  errors?: Errors;
  values?: Record<string, string>;
}

export function ContactPanel({ card, form, defaultTime }: { card: OrderCardData; form: FormState; defaultTime: string }) {
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <section class="panel" id="contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title">Контакты с клиентом</h2>
      {form.open && (
        <CardForm action={`/admin/orders/${card.order.id}/contacts`} csrfToken={form.csrfToken} errors={form.errors}>
          <div class="orders-form-row">
            <Select id="contact-channel" name="channel" label="Способ связи" value={v.channel ?? 'phone'} options={contactChannels.map((c) => [c, contactChannelNames[c]])} error={e.channel} />
            <Select id="contact-outcome" name="outcome" label="Результат" value={v.outcome ?? ''} placeholder="— выберите —" options={contactOutcomes.map((o) => [o, contactOutcomeNames[o]])} error={e.outcome} />
            <TextField id="contact-at" name="contacted_at" type="datetime-local" label="Когда (мск)" value={v.contacted_at ?? defaultTime} error={e.contacted_at} />
          </div>
          <TextArea id="contact-note" name="note" label="Заметка" value={v.note ?? ''} error={e.note} maxLength={NOTE_MAX} rows={2} />
          <button type="submit" class="button button-small">
            Записать контакт
          </button>
        </CardForm>
      )}
      {card.contacts.length === 0 ? (
        <p>Контактов пока не было.</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table orders-stack">
            <thead>
              <tr>
                <th scope="col">Когда (мск)</th>
                <th scope="col">Способ</th>
                <th scope="col">Результат</th>
                <th scope="col">Заметка</th>
                <th scope="col">Кто</th>
              </tr>
            </thead>
            <tbody>
              {card.contacts.map((contact) => (
                <tr>
                  <td class="orders-when" data-label="Когда">
                    {moscowShort(contact.contactedAt)}
                  </td>
                  <td data-label="Способ">{contactChannelNames[contact.channel]}</td>
                  <td data-label="Результат">{contactOutcomeNames[contact.outcome]}</td>
                  <td class="orders-note" data-label="Заметка">
                    {contact.note || '—'}
                  </td>
                  <td data-label="Кто">{contact.staffName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SpecificationPanel({ card, form }: { card: OrderCardData; form: FormState }) {
  const [current, ...earlier] = card.specifications;
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <section class="panel" id="specification" aria-labelledby="specification-title">
      <h2 id="specification-title">Спецификация</h2>
      {current ? (
        <>
          <p class="orders-spec-text">{current.text}</p>
          <p>
            Согласовано часов: <strong>{formatHours(current.agreedMinutes)}</strong> · {current.staffName}, {moscowShort(current.agreedAt)} (мск)
          </p>
        </>
      ) : (
        <p>Спецификация ещё не согласована.</p>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>Прежние версии ({earlier.length})</summary>
          {earlier.map((spec) => (
            <div class="orders-spec-old">
              <p class="orders-spec-text">{spec.text}</p>
              <p class="hint">
                {formatHours(spec.agreedMinutes)} · {spec.staffName}, {moscowShort(spec.agreedAt)} (мск)
              </p>
            </div>
          ))}
        </details>
      )}
      {form.open && (
        <CardForm action={`/admin/orders/${card.order.id}/specification`} csrfToken={form.csrfToken} errors={form.errors}>
          <h3>{current ? 'Изменить спецификацию' : 'Согласовать спецификацию'}</h3>
          <TextArea id="spec-text" name="text" label="Что согласовано с клиентом" value={v.text ?? current?.text ?? ''} error={e.text} maxLength={SPEC_MAX} rows={5} />
          <TextField
            id="spec-hours"
            name="hours"
            label="Часов по спецификации"
            hint="С точностью до четверти часа, например 7,5. Ноль — если часы не оговорены."
            value={v.hours ?? (current ? hoursNumber(current.agreedMinutes) : '')}
            inputMode="decimal"
            error={e.hours}
            maxLength={10}
          />
          <button type="submit" class="button button-small">
            Согласовать и отправить клиенту
          </button>
        </CardForm>
      )}
    </section>
  );
}

export function HoursPanel({ card, form, defaultDate }: { card: OrderCardData; form: FormState; defaultDate: string }) {
  const logged = card.workEntries.reduce((total, entry) => total + entry.minutes, 0);
  const hourly = card.service.billing === 'hourly';
  const balance = hoursBalance(logged, hourly ? card.service.includedHours : null);
  const v = form.values ?? {};
  const e = form.errors ?? {};
  return (
    <section class="panel" id="hours" aria-labelledby="hours-title">
      <h2 id="hours-title">Часы работы</h2>
      <p>
        Всего: <strong>{formatHours(logged)}</strong>
        {balance.includedMinutes !== null ? (
          <>
            {' '}
            из {formatHours(balance.includedMinutes)}, входящих в услугу.
            {balance.extraMinutes > 0 && (
              <strong class="overdue">
                {' '}
                Сверх включённых: {formatHours(balance.extraMinutes)}
                {card.service.hourlyRateKopecks ? ` × ${formatRub(card.service.hourlyRateKopecks)}/ч = ${formatRub(Math.round((balance.extraMinutes * card.service.hourlyRateKopecks) / 60))}` : ''}.
              </strong>
            )}
          </>
        ) : (
          ' (услуга с фиксированной ценой: часы только для учёта).'
        )}
      </p>
      {card.workEntries.length > 0 && (
        <div class="table-scroll">
          <table class="data-table orders-stack">
            <thead>
              <tr>
                <th scope="col">Дата</th>
                <th scope="col" class="num">Часов</th>
                <th scope="col">Кто</th>
                <th scope="col">Что сделано</th>
              </tr>
            </thead>
            <tbody>
              {card.workEntries.map((entry) => (
                <tr>
                  <td class="orders-when" data-label="Дата">
                    {moscowDay(entry.workDate)}
                  </td>
                  <td class="num" data-label="Часов">
                    {hoursNumber(entry.minutes)}
                  </td>
                  <td data-label="Кто">{entry.staffName}</td>
                  <td class="orders-note" data-label="Что сделано">
                    {entry.note || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {form.open && (
        <CardForm action={`/admin/orders/${card.order.id}/hours`} csrfToken={form.csrfToken} errors={form.errors}>
          <h3>Записать часы</h3>
          <div class="orders-form-row">
            <TextField id="hours-date" name="work_date" type="date" label="Дата" value={v.work_date ?? defaultDate} error={e.work_date} />
            <TextField id="hours-hours" name="hours" label="Часов" hint="Например, 1,5" value={v.hours ?? ''} inputMode="decimal" error={e.hours} maxLength={10} />
          </div>
          <TextArea id="hours-note" name="note" label="Что сделано" hint="Клиент видит в кабинете дату и часы; заметку — только сотрудники." value={v.note ?? ''} error={e.note} maxLength={NOTE_MAX} rows={2} />
          <button type="submit" class="button button-small">
            Записать часы
          </button>
        </CardForm>
      )}
    </section>
  );
}
