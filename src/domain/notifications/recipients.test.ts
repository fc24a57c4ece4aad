import { describe, expect, it } from 'vitest';
import { defaultPreferences, preferencesFromForm, type NotificationPreferences } from './preferences.js';
import { pickRecipients, type Colleague } from './recipients.js';
import type { StaffEvent } from './staff-events.js';

const colleague = (id: string, role: Colleague['role'], extra: Partial<Colleague> = {}): Colleague => ({
  id,
  role,
  active: true,
  preferences: defaultPreferences(role),
  telegramReachable: false,
  ...extra,
});
const prefs = (changes: Partial<NotificationPreferences>): NotificationPreferences => ({ ...defaultPreferences('manager'), ...changes });
const paid: StaffEvent = { kind: 'order.paid', orderId: 'o1' };
const review: StaffEvent = { kind: 'order.needs_review', orderId: 'o1', paymentKey: 'p1:paid', message: 'Заказ оплачен повторно.' };
const who = (list: { staffId: string; channel: string }[]) => list.map((r) => `${r.staffId}:${r.channel}`);

describe('pickRecipients', () => {
  const team = [colleague('m1', 'manager', { telegramReachable: true }), colleague('m2', 'manager'), colleague('a1', 'admin'), colleague('b1', 'accountant')];

  it('tells every manager about an unassigned paid order, by email and by Telegram where linked; not admins by default', () => {
    expect(who(pickRecipients(paid, null, team))).toEqual(['m1:email', 'm1:telegram', 'm2:email']);
  });

  it('tells only the assigned manager once the order has one', () => {
    expect(who(pickRecipients(paid, 'm2', team))).toEqual(['m2:email']);
  });

  it('falls back to every manager when the assigned one was disabled', () => {
    const disabled = team.map((c) => (c.id === 'm2' ? { ...c, active: false } : c));
    expect(who(pickRecipients(paid, 'm2', disabled))).toEqual(['m1:email', 'm1:telegram']);
  });

  it('adds the admins who asked for the event (all admins want payments to review by default)', () => {
    expect(who(pickRecipients(review, null, team))).toEqual(['m1:email', 'm1:telegram', 'm2:email', 'a1:email']);
    const keen = team.map((c) => (c.id === 'a1' ? { ...c, preferences: { ...c.preferences, events: [...c.preferences.events, 'order.paid' as const] } } : c));
    expect(who(pickRecipients(paid, null, keen))).toEqual(['m1:email', 'm1:telegram', 'm2:email', 'a1:email']);
  });

  it('leaves out those who turned the event off, and disabled staff', () => {
    const quiet = [colleague('m1', 'manager', { preferences: prefs({ events: ['invoice.paid'] }) }), colleague('m2', 'manager', { active: false })];
    expect(pickRecipients(paid, null, quiet)).toEqual([]);
  });

  it('tells every manager about a call-back request from the site, and the admins too when nobody called in time', () => {
    const created: StaffEvent = { kind: 'lead.created', leadId: 'l1' };
    const overdue: StaffEvent = { kind: 'lead.overdue', leadId: 'l1' };
    expect(who(pickRecipients(created, null, team))).toEqual(['m1:email', 'm1:telegram', 'm2:email']);
    expect(who(pickRecipients(overdue, null, team))).toEqual(['m1:email', 'm1:telegram', 'm2:email', 'a1:email']);
  });

  it('has the admins stand in when the shop has no active manager (one admin runs it), whatever they ticked', () => {
    const alone = [colleague('a1', 'admin', { telegramReachable: true }), colleague('m9', 'manager', { active: false }), colleague('b1', 'accountant')];
    expect(who(pickRecipients(paid, null, alone))).toEqual(['a1:email', 'a1:telegram']);
    expect(who(pickRecipients({ kind: 'lead.created', leadId: 'l1' }, null, alone))).toEqual(['a1:email', 'a1:telegram']);
    // Not for what managers do not hear about anyway: a receipt goes to whoever chose it.
    expect(who(pickRecipients({ kind: 'receipt.failed', orderId: 'o1', receiptId: 'r1', message: '' }, null, alone))).toEqual(['a1:email', 'a1:telegram', 'b1:email']);
  });

  it('emails someone who chose only Telegram but has no working link, and sends nothing to someone who chose no channel', () => {
    const onlyTelegram = prefs({ channels: { email: false, telegram: true } });
    expect(who(pickRecipients(paid, null, [colleague('m1', 'manager', { preferences: onlyTelegram })]))).toEqual(['m1:email']);
    expect(who(pickRecipients(paid, null, [colleague('m1', 'manager', { preferences: onlyTelegram, telegramReachable: true })]))).toEqual(['m1:telegram']);
    expect(pickRecipients(paid, null, [colleague('m1', 'manager', { preferences: prefs({ channels: { email: false, telegram: false } }) })])).toEqual([]);
  });
});

describe('preferencesFromForm', () => {
  it('reads the checkboxes and the hours, and drops unknown events', () => {
    expect(preferencesFromForm({ channel_telegram: 'on', events: ['order.paid', 'order.hacked', 'order.paid'], when: 'always' })).toEqual({
      channels: { email: false, telegram: true },
      events: ['order.paid'],
      workingHoursOnly: false,
    });
    expect(preferencesFromForm({ events: 'invoice.paid' })).toMatchObject({ events: ['invoice.paid'], workingHoursOnly: true });
  });
});
