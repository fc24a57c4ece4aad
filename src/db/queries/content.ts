import { desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../client.js';
import { companyDetails, emailWordings, legalVersions, staff } from '../schema/index.js';
import type { Company } from '../../domain/content/company-details.js';
import { isClientEmailType, type ClientEmailType, type EmailWording } from '../../domain/content/email-wording.js';
import type { LegalVersion } from '../../domain/content/legal-versions.js';

// Reads of what the owner edits (docs/content.md). The site reads them through the content store
// (src/content/site-content.ts), which keeps them in memory; the back office reads the history here.

/** The latest saved details; null while none were saved (the COMPANY_* settings are in use). */
export async function latestCompanyDetails(db: Queryable): Promise<Company | null> {
  const [row] = await db.select().from(companyDetails).orderBy(desc(companyDetails.savedAt)).limit(1);
  if (!row) return null;
  return {
    name: row.name,
    inn: row.inn,
    kpp: row.kpp,
    ogrn: row.ogrn,
    address: row.address,
    phone: row.phone,
    email: row.email,
    bank: { name: row.bankName, bik: row.bik, correspondentAccount: row.correspondentAccount, settlementAccount: row.settlementAccount },
  };
}

export async function allLegalVersions(db: Queryable): Promise<LegalVersion[]> {
  const rows = await db
    .select({ document: legalVersions.document, effectiveDate: legalVersions.effectiveDate, effectiveFrom: legalVersions.effectiveFrom, body: legalVersions.body })
    .from(legalVersions);
  return rows;
}

/** Each type's latest saved wording (types nobody edited are absent). */
export async function latestEmailWordings(db: Queryable): Promise<Partial<Record<ClientEmailType, EmailWording>>> {
  const rows = await db
    .selectDistinctOn([emailWordings.type], { type: emailWordings.type, greeting: emailWordings.greeting, signOff: emailWordings.signOff, paragraph: emailWordings.paragraph })
    .from(emailWordings)
    .orderBy(emailWordings.type, desc(emailWordings.savedAt));
  return Object.fromEntries(rows.filter((row) => isClientEmailType(row.type)).map(({ type, ...wording }) => [type, wording]));
}

export interface LegalVersionRow {
  effectiveDate: string;
  effectiveFrom: Date;
  publishedAt: Date;
  /** Null for a text shipped with the app (a model text). */
  publishedBy: string | null;
  /** How many orders accepted it. */
  orders: number;
}

/** A document's versions for the back office, newest first, with who published them and how many orders accepted each. */
export async function legalVersionHistory(db: Queryable, document: LegalVersion['document']): Promise<LegalVersionRow[]> {
  const column = { offer: 'offer_version', privacy: 'privacy_version', consent: 'consent_version' }[document];
  const rows = await db
    .select({
      effectiveDate: legalVersions.effectiveDate,
      effectiveFrom: legalVersions.effectiveFrom,
      publishedAt: legalVersions.publishedAt,
      publishedBy: staff.name,
      orders: sql<number>`(select count(*)::int from orders o where split_part(o.${sql.raw(column)}, '+', 1) = ${legalVersions.document}::text || '-' || ${legalVersions.effectiveDate}::text)`,
    })
    .from(legalVersions)
    .leftJoin(staff, eq(staff.id, legalVersions.publishedBy))
    .where(eq(legalVersions.document, document))
    .orderBy(desc(legalVersions.effectiveFrom));
  return rows;
}
