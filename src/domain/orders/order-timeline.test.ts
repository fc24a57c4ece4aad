import { describe, expect, it } from 'vitest';
import { orderTimeline } from './order-timeline.js';

const statuses = (state: Parameters<typeof orderTimeline>[0]) => orderTimeline(state).steps.map((s) => s.status);

describe('orderTimeline', () => {
  it('shows a paid order at its first step, the rest to come', () => {
    expect(statuses('paid')).toEqual(['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(orderTimeline('paid').closed).toBeNull();
  });

  it('shows nothing reached before payment', () => {
    expect(statuses('awaiting_payment')).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('marks a cancelled or refunded order as closed after what it reached', () => {
    expect(statuses('refunded')).toEqual(['done', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(orderTimeline('refunded').closed).toBe('Деньги возвращены');
    expect(orderTimeline('cancelled').closed).toBe('Отменён, оплата отменена');
  });

  it('shows work handed over as waiting for the client, and completion as all done', () => {
    expect(statuses('work_done')).toEqual(['done', 'done', 'done', 'done', 'current', 'upcoming']);
    expect(orderTimeline('work_done').steps[4]!.label).toBe('Работа сдана, ждёт вашей приёмки');
    expect(statuses('completed')).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
  });
});
