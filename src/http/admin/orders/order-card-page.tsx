import type { VNode } from 'preact';
import { slaStatus, slaStatusWords } from '../../../domain/orders/callback-queue.js';
import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { stepAllowed } from '../../../domain/orders/order-workflow.js';
import { orderNumber } from '../../../domain/orders/order-number.js';
import type { OrderCardData, StaffName } from '../../../db/queries/admin-orders.js';
import { ContactPanel, HoursPanel, SpecificationPanel, type FormState } from './card-work-panels.js';
import { ButtonForm, CardForm, Select, type Errors } from './fields.js';
import { Phone, StateBadge } from './format.js';
import { UtmRows } from '../views/utm-rows.js';

/** Which form a failed POST came from, with its errors and what was typed; or a refused step. */
export interface CardProblem {
  form?: 'contact' | 'specification' | 'hours' | 'assign' | 'extra_hours';
  errors?: Errors;
  values?: Record<string, string>;
  refusal?: string;
}

export interface OrderCardPageProps {
  card: OrderCardData;
  now: Date;
  memberId: string;
  canWork: boolean;
  /** Set for members who may give the order to someone (admins): who can take it. */
  assignable: StaffName[] | null;
  csrfToken: string;
  defaults: { contactTime: string; workDate: string };
  notice?: string;
  problem?: CardProblem;
  /** The invoices and payments sections (other areas), where they have something to show. */
  sections: VNode[];
}

export function OrderCardPage(props: OrderCardPageProps) {
  const { card, canWork, csrfToken, problem = {} } = props;
  const { order } = card;
  const form = (name: CardProblem['form'], open: boolean): FormState => ({
    open: canWork && open,
    csrfToken,
    ...(problem.form === name ? { errors: problem.errors, values: problem.values } : {}),
  });
  return (
    <section class="orders-card">
      <p class="breadcrumbs">
        <a href="/admin/orders">Заказы</a> · <a href="/admin/queue">Очередь звонков</a>
      </p>
      <h1>
        Заказ {orderNumber(order.number)} <StateBadge state={order.state} />
      </h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {problem.refusal && (
        <p class="error-summary" role="alert">
          {problem.refusal}
        </p>
      )}
      <div class="orders-card-grid">
        <div class="orders-card-aside">
          <OrderSummary {...props} />
          <CallbackPanel card={card} now={props.now} />
          {canWork && <WorkflowPanel card={card} csrfToken={csrfToken} />}
        </div>
        <div class="orders-card-main">
          <ContactPanel card={card} form={form('contact', stepAllowed('contact', order.state))} defaultTime={props.defaults.contactTime} />
          <SpecificationPanel card={card} form={form('specification', stepAllowed('specify', order.state))} />
          <HoursPanel card={card} form={form('hours', stepAllowed('hours', order.state))} defaultDate={props.defaults.workDate} />
          {props.sections}
        </div>
      </div>
    </section>
  );
}

function OrderSummary({ card, memberId, canWork, assignable, csrfToken, problem = {} }: OrderCardPageProps) {
  const { order } = card;
  const assignErrors = problem.form === 'assign' ? problem.errors : undefined;
  return (
    <section class="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Заказ</h2>
      <dl class="summary">
        <dt>Услуга</dt>
        <dd>{order.serviceTitle}</dd>
        <dt>Стоимость</dt>
        <dd>
          {formatRub(order.priceKopecks)}
          {card.service.billing === 'hourly' && card.service.includedHours !== null && `, включено ${card.service.includedHours} ч`}
        </dd>
        <dt>Оформлен</dt>
        <dd>{moscowShort(order.createdAt)} мск</dd>
        <dt>Оплачен</dt>
        <dd>{order.paidAt ? `${moscowShort(order.paidAt)} мск` : '—'}</dd>
        <dt>Клиент</dt>
        <dd>{order.clientId ? <a href={`/admin/clients/${order.clientId}`}>{order.customerName}</a> : order.customerName}</dd>
        <dt>Телефон</dt>
        <dd>
          <Phone e164={order.customerPhone} />
        </dd>
        <dt>Почта</dt>
        <dd>
          <a href={`mailto:${order.customerEmail}`}>{order.customerEmail}</a>
        </dd>
        {order.comment && (
          <>
            <dt>Комментарий</dt>
            <dd class="orders-note">{order.comment}</dd>
          </>
        )}
        <UtmRows record={order} />
        <dt>Менеджер</dt>
        <dd>{card.assignedName ?? <span class="badge badge-warn">не назначен</span>}</dd>
      </dl>
      {canWork && !order.assignedStaffId && <ButtonForm action={`/admin/orders/${order.id}/take`} csrfToken={csrfToken} label="Взять заказ себе" />}
      {assignable && (
        <CardForm action={`/admin/orders/${order.id}/assign`} csrfToken={csrfToken} errors={assignErrors}>
          <Select
            id="assign-staff"
            name="staff_id"
            label="Передать сотруднику"
            value={problem.values?.staff_id ?? order.assignedStaffId ?? ''}
            placeholder="— выберите —"
            options={assignable.map((s) => [s.id, s.id === memberId ? `${s.name} (вы)` : s.name])}
            error={assignErrors?.staff_id}
          />
          <button type="submit" class="button button-small">
            Назначить
          </button>
        </CardForm>
      )}
    </section>
  );
}

function CallbackPanel({ card, now }: { card: OrderCardData; now: Date }) {
  const { order } = card;
  const sla = slaStatus(order, now);
  const tone = sla === 'met' ? 'badge badge-ok' : sla === 'missed' || sla === 'overdue' ? 'badge badge-danger' : 'badge badge-warn';
  return (
    <section class="panel" aria-labelledby="callback-title">
      <h2 id="callback-title">Звонок клиенту</h2>
      <p>
        <span class={tone}>{slaStatusWords[sla]}</span>
      </p>
      <dl class="summary">
        <dt>Срок</dt>
        <dd>{order.callbackDueAt ? `${moscowShort(order.callbackDueAt)} мск` : '—'}</dd>
        <dt>Первый контакт</dt>
        <dd>{order.firstContactAt ? `${moscowShort(order.firstContactAt)} мск` : 'ещё не было'}</dd>
        {order.escalatedAt && (
          <>
            <dt>Эскалация</dt>
            <dd>{moscowShort(order.escalatedAt)} мск: письмо менеджеру и администраторам</dd>
          </>
        )}
      </dl>
    </section>
  );
}

const nextSteps: Partial<Record<OrderCardData['order']['state'], string>> = {
  paid: 'Свяжитесь с клиентом и запишите контакт: результат «Связались с клиентом» переводит заказ дальше.',
  contacted: 'Согласуйте с клиентом спецификацию: что будет сделано и сколько часов.',
  specified: 'Когда начнёте работу, отметьте это.',
  in_work: 'Записывайте часы; когда всё сделано — завершите заказ.',
  completed: 'Заказ выполнен.',
};

function WorkflowPanel({ card, csrfToken }: { card: OrderCardData; csrfToken: string }) {
  const { order } = card;
  const hint = nextSteps[order.state];
  const canStart = stepAllowed('start', order.state);
  const canComplete = stepAllowed('complete', order.state);
  if (!hint && !canStart && !canComplete) return null;
  return (
    <section class="panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Что дальше</h2>
      {hint && <p>{hint}</p>}
      <div class="orders-actions">
        {canStart && <ButtonForm action={`/admin/orders/${order.id}/start`} csrfToken={csrfToken} label="Начать работу" />}
        {canComplete && <ButtonForm action={`/admin/orders/${order.id}/complete`} csrfToken={csrfToken} label="Завершить заказ" />}
      </div>
    </section>
  );
}
