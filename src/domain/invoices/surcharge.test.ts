import { describe, expect, it } from 'vitest';
import { formatDuration, proposeSurcharge, surchargeRefusal } from './surcharge.js';

describe('proposeSurcharge', () => {
  const terms = { includedHours: 5, hourlyRateKopecks: 300_000 };

  it('charges whole extra hours at the hourly rate', () => {
    expect(proposeSurcharge({ ...terms, workedMinutes: 7 * 60 })).toEqual({ extraMinutes: 120, amountKopecks: 600_000 });
  });

  it('charges quarter hours proportionally', () => {
    expect(proposeSurcharge({ ...terms, workedMinutes: 5 * 60 + 15 })).toEqual({ extraMinutes: 15, amountKopecks: 75_000 });
    expect(proposeSurcharge({ ...terms, workedMinutes: 6 * 60 + 45 })).toEqual({ extraMinutes: 105, amountKopecks: 525_000 });
  });

  it('rounds to whole kopecks, half up', () => {
    // 1 min at 100,01 ₽/h = 166,683… коп → 167; 3 min at 0,10 ₽/h = 0,5 коп → 1; 1 min at 0,29 ₽/h = 0,483 коп → 0.
    expect(proposeSurcharge({ workedMinutes: 61, includedHours: 1, hourlyRateKopecks: 10_001 }).amountKopecks).toBe(167);
    expect(proposeSurcharge({ workedMinutes: 63, includedHours: 1, hourlyRateKopecks: 10 }).amountKopecks).toBe(1);
    expect(proposeSurcharge({ workedMinutes: 61, includedHours: 1, hourlyRateKopecks: 29 }).amountKopecks).toBe(0);
    // A quarter hour at 3 333,33 ₽/h = 83 333,25 коп → 83 333.
    expect(proposeSurcharge({ workedMinutes: 75, includedHours: 1, hourlyRateKopecks: 333_333 }).amountKopecks).toBe(83_333);
  });

  it('proposes nothing when the work fits into the included hours', () => {
    expect(proposeSurcharge({ ...terms, workedMinutes: 5 * 60 })).toEqual({ extraMinutes: 0, amountKopecks: 0 });
    expect(proposeSurcharge({ ...terms, workedMinutes: 90 })).toEqual({ extraMinutes: 0, amountKopecks: 0 });
    expect(proposeSurcharge({ ...terms, workedMinutes: 0 })).toEqual({ extraMinutes: 0, amountKopecks: 0 });
  });

  it('leaves out extra time already invoiced', () => {
    expect(proposeSurcharge({ ...terms, workedMinutes: 8 * 60, invoicedMinutes: 120 })).toEqual({ extraMinutes: 60, amountKopecks: 300_000 });
    expect(proposeSurcharge({ ...terms, workedMinutes: 7 * 60, invoicedMinutes: 120 })).toEqual({ extraMinutes: 0, amountKopecks: 0 });
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes in Russian', () => {
    expect(formatDuration(135)).toBe('2\u00a0ч 15\u00a0мин');
    expect(formatDuration(120)).toBe('2\u00a0ч');
    expect(formatDuration(45)).toBe('45\u00a0мин');
  });
});

describe('surchargeRefusal', () => {
  const ok = { billing: 'hourly' as const, orderState: 'completed', hasOpenInvoice: false, extraMinutes: 15 };

  it('allows an hourly order in work or completed that is over its hours', () => {
    expect(surchargeRefusal(ok)).toBeNull();
    expect(surchargeRefusal({ ...ok, orderState: 'in_work' })).toBeNull();
  });

  it('refuses fixed-price orders, early stages, a second open invoice and orders within their hours', () => {
    expect(surchargeRefusal({ ...ok, billing: 'fixed' })).toBe('not_hourly');
    for (const state of ['paid', 'contacted', 'specified', 'cancelled', 'refunded']) expect(surchargeRefusal({ ...ok, orderState: state })).toBe('not_at_work_stage');
    expect(surchargeRefusal({ ...ok, hasOpenInvoice: true })).toBe('open_invoice');
    expect(surchargeRefusal({ ...ok, extraMinutes: 0 })).toBe('not_over');
  });
});
