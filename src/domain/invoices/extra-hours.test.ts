import { describe, expect, it } from 'vitest';
import { extraHoursMachine, extraHoursRequestRefusal, hoursSummary, mayInvoice, type HoursPicture } from './extra-hours.js';

const base: HoursPicture = { includedMinutes: 300, specificationMinutes: 300, workedMinutes: 0, approvedMinutes: 0, pendingMinutes: 0, invoicedMinutes: 0 };

describe('extra hours need the client’s agreement before they are invoiced', () => {
  it.each([
    ['within the included hours', { workedMinutes: 300 }, { ok: false, reason: 'nothing_to_pay' }],
    ['beyond the specification, never asked', { workedMinutes: 435 }, { ok: false, reason: 'not_agreed' }],
    ['beyond the specification, asked and waiting', { workedMinutes: 435, pendingMinutes: 135 }, { ok: false, reason: 'awaiting_client' }],
    ['approved in full', { workedMinutes: 435, approvedMinutes: 135 }, { ok: true, minutes: 135 }],
    ['approved in part: only the approved part', { workedMinutes: 435, approvedMinutes: 60 }, { ok: true, minutes: 60 }],
    ['approved more than worked: only the worked part', { workedMinutes: 360, approvedMinutes: 120 }, { ok: true, minutes: 60 }],
    ['a specification above the included hours is agreed already', { specificationMinutes: 420, workedMinutes: 435 }, { ok: true, minutes: 120 }],
    ['a specification below the included hours agrees at least them', { specificationMinutes: 120, workedMinutes: 300 }, { ok: false, reason: 'nothing_to_pay' }],
    ['already invoiced', { workedMinutes: 435, approvedMinutes: 135, invoicedMinutes: 135 }, { ok: false, reason: 'nothing_to_pay' }],
    ['invoiced, then more worked beyond the agreement', { workedMinutes: 500, approvedMinutes: 135, invoicedMinutes: 135 }, { ok: false, reason: 'not_agreed' }],
  ] as const)('%s', (_label, change, expected) => {
    expect(mayInvoice({ ...base, ...change })).toEqual(expected);
  });

  it('sums agreed, unapproved, still to ask and to pay', () => {
    expect(hoursSummary({ ...base, workedMinutes: 480, approvedMinutes: 60, pendingMinutes: 60 })).toEqual({
      agreedMinutes: 360,
      unapprovedMinutes: 120,
      unaskedMinutes: 60,
      toPayMinutes: 60,
    });
    expect(hoursSummary({ ...base, specificationMinutes: null, workedMinutes: 30 }).agreedMinutes).toBe(300);
  });

  it('lets the client answer a request once', () => {
    expect(extraHoursMachine.transition('pending', 'client_approved')).toBe('approved');
    expect(extraHoursMachine.transition('pending', 'client_wants_discussion')).toBe('discuss');
    expect(extraHoursMachine.transition('approved', 'client_wants_discussion')).toBeNull();
    expect(extraHoursMachine.transition('discuss', 'client_approved')).toBeNull();
  });

  it('takes requests for hourly orders at work, one at a time', () => {
    expect(extraHoursRequestRefusal({ billing: 'hourly', orderState: 'in_work', hasPending: false })).toBeNull();
    expect(extraHoursRequestRefusal({ billing: 'fixed', orderState: 'in_work', hasPending: false })).toContain('фиксированной суммой');
    expect(extraHoursRequestRefusal({ billing: 'hourly', orderState: 'contacted', hasPending: false })).toContain('после спецификации');
    expect(extraHoursRequestRefusal({ billing: 'hourly', orderState: 'completed', hasPending: true })).toContain('не ответил');
  });
});
