import { orderMachine, type OrderState, type WorkOrderEvent } from './order-machine.js';

// The back office's view of an order's progress: what each state is called, which steps of the work
// the state allows, and — when a step is refused — a reason a manager understands.

export const orderStateNames: Record<OrderState, string> = {
  awaiting_payment: 'Ждёт оплаты',
  awaiting_transfer: 'Ожидает оплаты по счёту',
  paid: 'Оплачен, ждёт звонка',
  needs_review: 'Оплата на проверке',
  contacted: 'Клиент на связи',
  specified: 'Спецификация согласована',
  in_work: 'В работе',
  work_done: 'Работа сдана, ждёт приёмки',
  completed: 'Выполнен',
  cancelled: 'Отменён',
  refunded: 'Деньги возвращены',
};

export type BadgeTone = 'ok' | 'warn' | 'danger' | 'neutral';

export const orderStateTones: Record<OrderState, BadgeTone> = {
  awaiting_payment: 'neutral',
  awaiting_transfer: 'neutral',
  paid: 'warn',
  needs_review: 'danger',
  contacted: 'neutral',
  specified: 'neutral',
  in_work: 'neutral',
  work_done: 'warn',
  completed: 'ok',
  cancelled: 'danger',
  refunded: 'danger',
};

export type WorkStep = 'contact' | 'specify' | 'start' | 'hours' | 'hand_over';

const stepEvents: Partial<Record<WorkStep, WorkOrderEvent>> = {
  specify: 'specification_agreed',
  start: 'work_started',
  hand_over: 'work_handed_over',
};

/** Contacts are logged for any paid order still alive; hours from the first contact until the work is done. */
const contactStates: readonly OrderState[] = ['paid', 'contacted', 'specified', 'in_work', 'work_done', 'completed'];
const hoursStates: readonly OrderState[] = ['contacted', 'specified', 'in_work'];

export function stepAllowed(step: WorkStep, state: OrderState): boolean {
  if (step === 'contact') return contactStates.includes(state);
  if (step === 'hours') return hoursStates.includes(state);
  return orderMachine.transition(state, stepEvents[step]!) !== null;
}

const requirements: Record<WorkStep, string> = {
  contact: 'Контакты записываются по оплаченным заказам, пока заказ не отменён и деньги не возвращены.',
  specify: 'Спецификацию согласуют после того, как клиент на связи, и до начала работ.',
  start: 'Начать работу можно после согласования спецификации.',
  hours: 'Часы записываются после связи с клиентом и до завершения заказа.',
  hand_over: 'Сдать работу можно только по заказу в работе.',
};

/** Null when the step is allowed; otherwise why not, naming the order's state. */
export function stepRefusal(step: WorkStep, state: OrderState): string | null {
  if (stepAllowed(step, state)) return null;
  return `${requirements[step]} Сейчас заказ: «${orderStateNames[state]}».`;
}
