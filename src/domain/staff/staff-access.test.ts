import { describe, expect, it } from 'vitest';
import { allows, permissions, staffRoles, type Permission } from './staff-access.js';

describe('staff permissions', () => {
  it('gives admins everything', () => {
    for (const permission of Object.keys(permissions) as Permission[]) expect(allows('admin', permission)).toBe(true);
  });

  it('keeps money with accountants and the work with managers', () => {
    expect(allows('accountant', 'payments.manage')).toBe(true);
    expect(allows('manager', 'payments.manage')).toBe(false);
    expect(allows('manager', 'orders.work')).toBe(true);
    expect(allows('accountant', 'orders.work')).toBe(false);
  });

  it('keeps staff, calendar, catalog, the audit log and the webhooks with admins', () => {
    for (const permission of ['staff.manage', 'calendar.edit', 'catalog.edit', 'audit.view', 'webhooks.manage'] as const) {
      expect(staffRoles.filter((role) => allows(role, permission))).toEqual(['admin']);
    }
  });
});
