import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const clientState = pgEnum('client_state', ['pending_verification', 'active']);

/** A client's personal account, created when their first order is paid (docs/accounts.md). */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Generated and readable, e.g. "anna.smirnova.4821"; the email works as a login too. */
    login: text('login').notNull().unique(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    state: clientState('state').notNull().default('pending_verification'),
    /** argon2id (PHC string). */
    passwordHash: text('password_hash').notNull(),
    /**
     * Set while the password is a temporary one: it works until then, and only once. Signing in with
     * it consumes it (sets this to that moment) and the client must choose their own password.
     */
    temporaryPasswordUntil: timestamp('temporary_password_until', { withTimezone: true }),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // Addresses are compared case-insensitively: Anna@Example.ru is anna@example.ru.
  (t) => [uniqueIndex('clients_email').on(sql`lower(${t.email})`)],
);

export const tokenPurpose = pgEnum('client_token_purpose', ['verify_email', 'reset_password', 'change_email']);

/** Single-use links sent by email: only the SHA-256 of the token is stored. */
export const clientTokens = pgTable(
  'client_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    purpose: tokenPurpose('purpose').notNull(),
    /** For change_email: the address being confirmed. */
    newEmail: text('new_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('client_tokens_client').on(t.clientId, t.purpose)],
);

/** Server-side sessions: the cookie holds a random id, the table only its SHA-256. */
export const clientSessions = pgTable(
  'client_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    ip: text('ip').notNull(),
    userAgent: text('user_agent').notNull(),
  },
  (t) => [index('client_sessions_client').on(t.clientId)],
);

/**
 * Failed sign-ins, for the per-account limits (captcha after 3, growing delays after 5 in 15 minutes).
 * Keyed by the account, or by what was typed when no account matched, so both look the same outside.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountKey: text('account_key').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_failures_account_at').on(t.accountKey, t.at)],
);
