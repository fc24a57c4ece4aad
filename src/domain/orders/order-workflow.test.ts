import { describe, expect, it } from 'vitest';
import { orderStates } from './order-machine.js';
import { stepAllowed, stepRefusal } from './order-workflow.js';

describe('order work steps', () => {
  it('follows paid → contacted → specified → in work → completed', () => {
    const allowed = (state: (typeof orderStates)[number]) => (['contact', 'specify', 'start', 'hours', 'complete'] as const).filter((step) => stepAllowed(step, state));
    expect(allowed('awaiting_payment')).toEqual([]);
    expect(allowed('needs_review')).toEqual([]);
    expect(allowed('paid')).toEqual(['contact']);
    expect(allowed('contacted')).toEqual(['contact', 'specify', 'hours']);
    expect(allowed('specified')).toEqual(['contact', 'specify', 'start', 'hours']);
    expect(allowed('in_work')).toEqual(['contact', 'hours', 'complete']);
    expect(allowed('completed')).toEqual(['contact']);
    expect(allowed('cancelled')).toEqual([]);
    expect(allowed('refunded')).toEqual([]);
  });

  it('explains a refusal in Russian, naming the state', () => {
    expect(stepRefusal('start', 'contacted')).toBe('Начать работу можно после согласования спецификации. Сейчас заказ: «Клиент на связи».');
    expect(stepRefusal('complete', 'specified')).toBe('Завершить можно только заказ в работе. Сейчас заказ: «Спецификация согласована».');
    expect(stepRefusal('specify', 'paid')).toContain('Сейчас заказ: «Оплачен, ждёт звонка».');
    expect(stepRefusal('contact', 'refunded')).toContain('«Деньги возвращены»');
    expect(stepRefusal('hours', 'in_work')).toBeNull();
  });

  it('gives every state a refusal or a permission for every step', () => {
    for (const state of orderStates) for (const step of ['contact', 'specify', 'start', 'hours', 'complete'] as const) {
      expect(stepAllowed(step, state) === (stepRefusal(step, state) === null)).toBe(true);
    }
  });
});

