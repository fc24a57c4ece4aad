import type { StaffRole } from '../staff/staff-access.js';
import type { NotificationChannel, NotificationPreferences } from './preferences.js';
import type { StaffEvent } from './staff-events.js';

// Who hears about an event, and where (docs/notifications.md#recipients).

export interface Colleague {
  id: string;
  role: StaffRole;
  active: boolean;
  preferences: NotificationPreferences;
  /** A linked Telegram chat that has not blocked the bot. */
  telegramReachable: boolean;
}

export interface Recipient {
  staffId: string;
  channel: NotificationChannel;
}

/**
 * The manager the order is assigned to, else every active manager; plus the admins who asked for
 * this event. Each gets the channels they chose that can reach them; someone who chose only Telegram
 * but has no working link gets an email instead, so an alert is never lost to a missing link.
 */
export function pickRecipients(event: StaffEvent, assignedStaffId: string | null, colleagues: readonly Colleague[]): Recipient[] {
  const wants = (c: Colleague) => c.active && c.preferences.events.includes(event.kind);
  const assigned = colleagues.find((c) => c.id === assignedStaffId && c.active && (c.role === 'manager' || c.role === 'admin'));
  const managers = assigned ? [assigned] : colleagues.filter((c) => c.role === 'manager');
  const chosen = [...managers.filter(wants), ...colleagues.filter((c) => c.role !== 'manager' && c !== assigned && wants(c))];
  return chosen.flatMap((c) => channelsOf(c).map((channel) => ({ staffId: c.id, channel })));
}

function channelsOf(colleague: Colleague): NotificationChannel[] {
  const { email, telegram } = colleague.preferences.channels;
  const channels: NotificationChannel[] = [];
  if (email) channels.push('email');
  if (telegram && colleague.telegramReachable) channels.push('telegram');
  if (channels.length === 0 && telegram) channels.push('email');
  return channels;
}
