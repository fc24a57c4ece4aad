import { sql } from 'drizzle-orm';
import { bigserial, index, inet, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const staffRole = pgEnum('staff_role', ['admin', 'manager', 'accountant']);
/** invited: has a set-password link; enrolling: password set, TOTP not yet confirmed; active; disabled. */
export const staffState = pgEnum('staff_state', ['invited', 'enrolling', 'active', 'disabled']);

/** The company's people in the back office. There are no default accounts (issue 5). */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: staffRole('role').notNull(),
    state: staffState('state').notNull().default('invited'),
    /** argon2id (PHC string); null until the invitation is accepted. */
    passwordHash: text('password_hash'),
    /** Base32 TOTP secret, encrypted with the app secret (AES-256-GCM); null before enrolment starts. */
    totpSecret: text('totp_secret'),
    /** The last 30-second step a code was accepted for: a code works once (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }),
    /** «Скрыть на неделю» on the calendar warning: this member does not see it until then (docs/back-office.md). */
    calendarWarningHiddenUntil: timestamp('calendar_warning_hidden_until', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_email').on(sql`lower(${t.email})`)],
);

export const staffTokenPurpose = pgEnum('staff_token_purpose', ['setup', 'invite', 'enrol', 'login']);

/**
 * Single-use secrets of the staff sign-in: the first-admin setup link, invitations, and the short
 * steps between password and TOTP code (enrolment, login). Only the SHA-256 is stored.
 */
export const staffTokens = pgTable(
  'staff_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Null only for the setup token, which creates the first admin. */
    staffId: uuid('staff_id').references(() => staff.id),
    purpose: staffTokenPurpose('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Null: valid until used (the setup link). */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('staff_tokens_staff').on(t.staffId, t.purpose)],
);

export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.codeHash] })],
);

/** Staff sessions, apart from clients': their own cookie, 15 min idle, 10 h absolute. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull(),
  },
  (t) => [index('staff_sessions_staff').on(t.staffId)],
);

/**
 * Every staff action, append-only: a trigger refuses UPDATE and DELETE (migration 0006). `entity` and
 * `entityId` name the record ("order", id); `details` holds what changed, never secrets.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** Null for the system itself (an escalation, say). */
    staffId: uuid('staff_id').references(() => staff.id),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: inet('ip'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_entity').on(t.entity, t.entityId), index('audit_log_staff').on(t.staffId, t.at)],
);
