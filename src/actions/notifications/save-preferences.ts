import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { notificationSettings } from '../../db/schema/index.js';
import { preferencesFromForm, type NotificationPreferences } from '../../domain/notifications/preferences.js';

export type SavePreferencesResult = { kind: 'saved'; preferences: NotificationPreferences };

/** The profile's «Уведомления» form: channels, events and hours, for the signed-in member only. */
export async function saveNotificationPreferences(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { staffId: string; body: Record<string, unknown>; ip: string },
): Promise<SavePreferencesResult> {
  const preferences = preferencesFromForm(input.body);
  const now = deps.clock.now();
  const row = { email: preferences.channels.email, telegram: preferences.channels.telegram, events: preferences.events, workingHoursOnly: preferences.workingHoursOnly, updatedAt: now };
  await deps.db.transaction(async (tx) => {
    await tx.insert(notificationSettings).values({ staffId: input.staffId, ...row }).onConflictDoUpdate({ target: notificationSettings.staffId, set: row });
    await audit(tx, { staffId: input.staffId, action: 'staff.notifications_changed', entity: 'staff', entityId: input.staffId, details: { ...preferences }, ip: input.ip, at: now });
  });
  return { kind: 'saved', preferences };
}
