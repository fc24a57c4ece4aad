import type { StaffRole } from '../staff/staff-access.js';
import { defaultPreferences, type NotificationChannel, type NotificationPreferences } from './preferences.js';
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

/** What managers hear about by default: the client is waiting for somebody's call. */
const callerEvents = defaultPreferences('manager').events;

/**
 * The manager the order is assigned to, else every active manager; plus the admins who asked for
 * this event. A shop without any active manager (one admin runs it) has its admins stand in: they get
 * what managers would, whatever they ticked, since nobody else would call the client. Each gets the
 * channels they chose that can reach them; someone who chose only Telegram but has no working link
 * gets an email instead, so an alert is never lost to a missing link.
 */
export function pickRecipients(event: StaffEvent, assignedStaffId: string | null, colleagues: readonly Colleague[]): Recipient[] {
  const wants = (c: Colleague) => c.active && c.preferences.events.includes(event.kind);
  const assigned = colleagues.find((c) => c.id === assignedStaffId && c.active && (c.role === 'manager' || c.role === 'admin'));
  const managers = assigned ? [assigned] : colleagues.filter((c) => c.role === 'manager' && c.active);
  const standIns = managers.length === 0 && callerEvents.includes(event.kind) ? colleagues.filter((c) => c.role === 'admin' && c.active) : [];
  const callers = [...managers.filter(wants), ...standIns];
  const chosen = [...callers, ...colleagues.filter((c) => c.role !== 'manager' && !callers.includes(c) && c !== assigned && wants(c))];
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
