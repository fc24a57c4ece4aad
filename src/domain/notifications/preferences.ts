import type { StaffRole } from '../staff/staff-access.js';
import { isStaffEventKind, staffEventKinds, type StaffEventKind } from './staff-events.js';

// A staff member's alert preferences: channels, events, quiet hours. Without saved ones, their role's.

export type NotificationChannel = 'email' | 'telegram';

export interface NotificationPreferences {
  channels: { email: boolean; telegram: boolean };
  events: StaffEventKind[];
  /** true: only during working hours on the working calendar (later ones wait); false: at any hour. */
  workingHoursOnly: boolean;
}

/**
 * Managers call the clients, so they hear about every order event and every call-back request; admins
 * about money that needs a decision and about a call-back request nobody answered in time (they can ask
 * for more); receipts the register failed go to those who re-issue them.
 */
export function defaultPreferences(role: StaffRole): NotificationPreferences {
  const events: Record<StaffRole, StaffEventKind[]> = {
    manager: staffEventKinds.filter((kind) => kind !== 'receipt.failed'),
    admin: ['order.needs_review', 'receipt.failed', 'lead.overdue'],
    accountant: ['receipt.failed'],
  };
  return { channels: { email: true, telegram: true }, events: events[role], workingHoursOnly: true };
}

/** The profile form's fields → preferences; unknown event names are dropped. */
export function preferencesFromForm(body: Record<string, unknown>): NotificationPreferences {
  const list = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');
  const events = [...new Set(list(body.events).filter(isStaffEventKind))];
  return {
    channels: { email: body.channel_email === 'on', telegram: body.channel_telegram === 'on' },
    events: staffEventKinds.filter((kind) => events.includes(kind)),
    workingHoursOnly: body.when !== 'always',
  };
}
