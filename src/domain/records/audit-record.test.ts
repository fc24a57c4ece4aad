import { describe, expect, it } from 'vitest';
import { auditEntityName, auditRecordHref } from './audit-record.js';

const id = '3f2a91c0-1111-4222-8333-444455556666';
const orderId = '9b1c2d3e-1111-4222-8333-444455556666';

describe('auditRecordHref', () => {
  it.each([
    ['order', `/admin/orders/${id}`],
    ['client', `/admin/clients/${id}`],
    ['email', `/admin/emails/${id}`],
    ['staff', '/admin/staff'],
    ['service', '/admin/catalog'],
    ['calendar_day', '/admin/calendar'],
  ])('%s → %s', (entity, href) => {
    expect(auditRecordHref({ entity, entityId: id, details: {} })).toBe(href);
  });

  it('records without a page lead to the order the entry names', () => {
    expect(auditRecordHref({ entity: 'payment_attempt', entityId: id, details: { orderId } })).toBe(`/admin/orders/${orderId}`);
    expect(auditRecordHref({ entity: 'invoice', entityId: id, details: {} })).toBeNull();
  });

  it('never builds a link from an id that is not a uuid', () => {
    expect(auditRecordHref({ entity: 'order', entityId: '../staff', details: {} })).toBeNull();
    expect(auditRecordHref({ entity: 'invoice', entityId: id, details: { orderId: 'javascript:alert(1)' } })).toBeNull();
  });
});

describe('auditEntityName', () => {
  it('names known records in Russian and leaves new ones as they are', () => {
    expect(auditEntityName('payment_attempt')).toBe('Платёж');
    expect(auditEntityName('backup')).toBe('Резервная копия');
    expect(auditEntityName('something_new')).toBe('something_new');
  });
});
