import { describe, expect, it } from 'vitest';
import { extraHoursMachine, extraHoursStates } from './invoices/extra-hours.js';
import { invoiceMachine, invoiceStates } from './invoices/invoice-machine.js';
import { orderMachine, orderStates } from './orders/order-machine.js';
import { attemptMachine, attemptStates } from './payments/payment-machine.js';
import { reachableStates, type StateMachine } from './state-machine.js';

describe.each([
  ['order', orderMachine as StateMachine<string, string>, orderStates as readonly string[]],
  ['payment attempt', attemptMachine as StateMachine<string, string>, attemptStates as readonly string[]],
  ['surcharge invoice', invoiceMachine as StateMachine<string, string>, invoiceStates as readonly string[]],
  ['extra hours request', extraHoursMachine as StateMachine<string, string>, extraHoursStates as readonly string[]],
])('%s machine', (_name, machine, states) => {
  it('reaches every state from the initial one', () => {
    expect([...reachableStates(machine)].sort()).toEqual([...states].sort());
  });

  it('only leads to known states', () => {
    for (const state of states) {
      for (const next of Object.values(machine.table[state]!)) expect(states).toContain(next);
    }
  });

  it('keeps terminal states terminal', () => {
    const terminal = states.filter((s) => machine.isTerminal(s));
    expect(terminal.length).toBeGreaterThan(0);
    for (const state of terminal) {
      for (const event of ['paid', 'failed', 'payment_confirmed', 'payment_refunded', 'marked_paid', 'voided', 'payment_cancelled']) {
        expect(machine.transition(state, event)).toBeNull();
      }
    }
  });
});

describe('payments move forward only', () => {
  it('a late failure never demotes a paid attempt or order', () => {
    expect(attemptMachine.transition('paid', 'failed')).toBeNull();
    expect(attemptMachine.transition('paid', 'expired')).toBeNull();
    expect(orderMachine.transition('paid', 'payment_disputed')).toBeNull();
  });

  it('a late success after a failure or expiry is accepted', () => {
    expect(attemptMachine.transition('failed', 'paid')).toBe('paid');
    expect(attemptMachine.transition('expired', 'paid')).toBe('paid');
  });

  it('a repeated confirmation is not a transition', () => {
    expect(orderMachine.transition('paid', 'payment_confirmed')).toBeNull();
    expect(attemptMachine.transition('paid', 'paid')).toBeNull();
  });
});
