import { describe, expect, it } from 'vitest';
import { readAuditFilter } from './audit-filter.js';

const staffId = '3f2a91c0-1111-4222-8333-444455556666';

describe('readAuditFilter', () => {
  it('no filters: everything', () => {
    expect(readAuditFilter({})).toEqual({ ok: true, values: {}, filter: {} });
  });

  it('reads every filter; the dates cover whole Moscow days, the end day included', () => {
    const result = readAuditFilter({ staff: staffId, action: ' order. ', entity: 'order', entity_id: 'abc', from: '2026-11-24', to: '2026-11-25', page: '2' });
    expect(result).toEqual({
      ok: true,
      values: { staff: staffId, action: 'order.', entity: 'order', entity_id: 'abc', from: '2026-11-24', to: '2026-11-25' },
      filter: {
        staffId,
        actionPrefix: 'order.',
        entity: 'order',
        entityId: 'abc',
        from: new Date('2026-11-23T21:00:00Z'),
        to: new Date('2026-11-25T21:00:00Z'),
      },
    });
  });

  it('one day: from and to the same date', () => {
    const result = readAuditFilter({ from: '2026-11-24', to: '2026-11-24' });
    expect(result.ok && result.filter).toEqual({ from: new Date('2026-11-23T21:00:00Z'), to: new Date('2026-11-24T21:00:00Z') });
  });

  it('explains each wrong value and keeps what was typed', () => {
    const result = readAuditFilter({ staff: 'nobody', action: 'заказ', entity: 'order; drop', from: '24.11.2026', to: '2026-02-30' });
    expect(result.ok).toBe(false);
    expect(result.values.from).toBe('24.11.2026');
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['action', 'entity', 'from', 'staff', 'to']);
  });

  it('refuses a period that ends before it starts', () => {
    const result = readAuditFilter({ from: '2026-11-25', to: '2026-11-24' });
    expect(!result.ok && result.errors).toEqual({ to: 'Конец периода раньше его начала.' });
  });
});
