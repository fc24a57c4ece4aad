import type { OrderState } from './order-machine.js';

// What the client sees of an order's progress in the personal account (docs/accounts.md#the-personal-account).

export const timelineSteps = [
  { key: 'paid', label: 'Оплачен' },
  { key: 'contacted', label: 'Менеджер связался' },
  { key: 'specified', label: 'Спецификация согласована' },
  { key: 'in_work', label: 'В работе' },
  { key: 'work_done', label: 'Работа сдана, ждёт вашей приёмки' },
  { key: 'completed', label: 'Выполнен' },
] as const;

export type StepStatus = 'done' | 'current' | 'upcoming';

export interface OrderTimeline {
  steps: { label: string; status: StepStatus }[];
  /** Set when the order ended without the work: the steps are then only history. */
  closed: 'Отменён, оплата отменена' | 'Деньги возвращены' | null;
}

/** How far along each state is: the index of the last step reached (-1: not paid yet). */
const reached: Record<OrderState, number> = {
  awaiting_payment: -1,
  awaiting_transfer: -1,
  paid: 0,
  needs_review: 0,
  contacted: 1,
  specified: 2,
  in_work: 3,
  work_done: 4,
  completed: 5,
  cancelled: 0,
  refunded: 0,
};

export function orderTimeline(state: OrderState): OrderTimeline {
  const last = reached[state];
  const closed = state === 'cancelled' ? 'Отменён, оплата отменена' : state === 'refunded' ? 'Деньги возвращены' : null;
  const steps = timelineSteps.map((step, index) => ({
    label: step.label,
    status: (index < last || (index === last && (closed || state === 'completed')) ? 'done' : index === last ? 'current' : 'upcoming') as StepStatus,
  }));
  return { steps, closed };
}
