import { and, count, desc, eq, getTableColumns, ilike, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { auditLog, emails, orders, staff } from '../schema/index.js';
import { likeLiteral } from './admin-clients.js';
import type { Email } from './emails.js';

// The back office's outbox (issue 5): every email with its delivery state.

export const EMAILS_PAGE_SIZE = 50;
export const emailStatuses = ['queued', 'sent', 'failed'] as const;
export type EmailStatus = (typeof emailStatuses)[number];

export interface EmailFilter {
  status?: EmailStatus;
  /** A part of the recipient's address. */
  address?: string;
}

/** The list leaves the content out: it can be large, and the list shows none of it. */
export type EmailSummary = Omit<Email, 'html' | 'text'>;
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- html and text are left out on purpose
const { html: omittedHtml, text: omittedText, ...summary } = getTableColumns(emails);

export async function listEmails(db: Queryable, filter: EmailFilter, page: number): Promise<{ emails: EmailSummary[]; total: number }> {
  const where = and(
    filter.status ? eq(emails.status, filter.status) : undefined,
    filter.address ? ilike(emails.to, `%${likeLiteral(filter.address)}%`) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(summary)
      .from(emails)
      .where(where)
      .orderBy(desc(emails.createdAt), desc(emails.id))
      .limit(EMAILS_PAGE_SIZE)
      .offset((page - 1) * EMAILS_PAGE_SIZE),
    db.select({ n: count() }).from(emails).where(where),
  ]);
  return { emails: rows, total: total?.n ?? 0 };
}

export interface Resend {
  /** The other email: the copy (seen from the original) or the original (seen from the copy). */
  emailId: string;
  staffName: string | null;
  at: Date;
}

/** Resends are told by the audit log (email.resent names the original and, in details, the copy). */
const resentCopy = sql<string>`${auditLog.details}->>'copyId'`;

/** The copies made of an email, oldest first, with their delivery state. */
export async function copiesOf(db: Queryable, emailId: string): Promise<(Resend & { status: EmailStatus })[]> {
  return db
    .select({ emailId: resentCopy, staffName: staff.name, at: auditLog.at, status: emails.status })
    .from(auditLog)
    .innerJoin(emails, eq(sql`${emails.id}::text`, resentCopy))
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(and(eq(auditLog.action, 'email.resent'), eq(auditLog.entity, 'email'), eq(auditLog.entityId, emailId)))
    .orderBy(auditLog.at, auditLog.id);
}

export async function originalOf(db: Queryable, copyId: string): Promise<Resend | undefined> {
  const condition: SQL = sql`${resentCopy} = ${copyId}`;
  const [row] = await db
    .select({ emailId: sql<string>`${auditLog.entityId}`, staffName: staff.name, at: auditLog.at })
    .from(auditLog)
    .leftJoin(staff, eq(staff.id, auditLog.staffId))
    .where(and(eq(auditLog.action, 'email.resent'), condition));
  return row;
}

/** The client an email was for: named on it, or the owner of its order (confirmations go out before the account exists). */
export async function clientOfEmail(db: Queryable, email: Pick<Email, 'clientId' | 'orderId'>): Promise<string | null> {
  if (email.clientId || !email.orderId) return email.clientId;
  const [order] = await db.select({ clientId: orders.clientId }).from(orders).where(eq(orders.id, email.orderId));
  return order?.clientId ?? null;
}
