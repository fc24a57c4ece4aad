// Who in the back office may do what (issue 5). Routes name a permission; a route that names none
// does not start (deny by default, see http/admin/index.ts).

export const staffRoles = ['admin', 'manager', 'accountant'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const roleNames: Record<StaffRole, string> = { admin: 'Администратор', manager: 'Менеджер', accountant: 'Бухгалтер' };

const everyone: readonly StaffRole[] = staffRoles;

export const permissions = {
  /** The dashboard and an order's card (read only). */
  'orders.view': everyone,
  /** Take an order, log contacts, agree the specification, log hours, issue surcharges. */
  'orders.work': ['admin', 'manager'],
  /** Give an order to another manager. */
  'orders.assign': ['admin'],
  /** Cancel or refund payments, read the payment reports. */
  'payments.manage': ['admin', 'accountant'],
  /** The cash receipts list and re-issuing a failed receipt (managers see an order's receipts on its card). */
  'receipts.manage': ['admin', 'accountant'],
  /** Bank invoices of companies (/admin/transfers): record a transfer, upload the bank statement, withdraw an unpaid order. */
  'transfers.manage': ['admin', 'accountant'],
  /** Mark a surcharge invoice paid by bank transfer or cash. */
  'invoices.mark_paid': ['admin', 'manager', 'accountant'],
  'clients.view': ['admin', 'manager', 'accountant'],
  /** Call-back requests from the Tilda site (/admin/leads): see them and mark them called. */
  'leads.work': ['admin', 'manager'],
  'emails.view': ['admin', 'manager'],
  /** Every staff alert with its state and the channel's answer (/admin/notifications). */
  'notifications.view': ['admin', 'manager'],
  /** One's own profile: Telegram link and alert preferences. */
  'profile.edit': everyone,
  'catalog.edit': ['admin'],
  'calendar.edit': ['admin'],
  /** Company details, legal texts and email wording (/admin/content): what clients read, so admins only. */
  'content.edit': ['admin'],
  'staff.manage': ['admin'],
  'audit.view': ['admin'],
  /** The backups and restore drills, and «Сделать копию сейчас». */
  'backups.view': ['admin'],
  /** Webhooks to CRMs: endpoints, their secrets, the delivery log, «Отправить ещё раз». */
  'webhooks.manage': ['admin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof permissions;

export function allows(role: StaffRole, permission: Permission): boolean {
  return (permissions[permission] as readonly StaffRole[]).includes(role);
}
