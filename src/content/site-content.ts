import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { allLegalVersions, latestCompanyDetails, latestEmailWordings } from '../db/queries/content.js';
import { legalVersions } from '../db/schema/index.js';
import type { Company } from '../domain/content/company-details.js';
import { wordingsWith, type EmailWordings } from '../domain/content/email-wording.js';
import { legalDocuments, type LegalVersion } from '../domain/content/legal-versions.js';
import { firstTexts } from '../legal/first-texts.js';
import { MODEL_TEXTS_DATE, modelTexts } from '../legal/model-texts.js';
import type { Logger } from '../log.js';

/** What the owner edits, as the site uses it: footers, legal pages, emails, PDFs, receipts. */
export interface SiteContent {
  company: Company;
  /** Every client email type's greeting, sign-off and own paragraph. */
  emails: EmailWordings;
  /** Every version of every legal text (a few dozen kilobytes); which is in effect depends on the time. */
  legal: LegalVersion[];
}

/**
 * The content kept in memory (decision 033): every storefront page and email needs it and it changes a
 * few times a year, so nothing on the hot path waits for the database. An edit here is in use at once
 * (`reload` after the commit); other processes read it again every `reloadEveryMs`.
 */
export interface ContentStore {
  current(): SiteContent;
  reload(): Promise<void>;
  /** Stops the periodic reload (at shutdown). */
  stop(): void;
}

export const CONTENT_RELOAD_MS = 10_000;

export async function contentStore(db: Db, options: { firstCompany: Company; log: Logger; reloadEveryMs?: number }): Promise<ContentStore> {
  const read = async (): Promise<SiteContent> => {
    const [company, wordings, legal] = await Promise.all([latestCompanyDetails(db), latestEmailWordings(db), allLegalVersions(db)]);
    return { company: company ?? options.firstCompany, emails: wordingsWith(wordings), legal };
  };
  let content = await read();
  // Reads may finish out of order: only one started later than the one in use replaces it.
  let started = 0;
  let applied = 0;
  async function reload() {
    const mine = ++started;
    const next = await read();
    if (mine > applied) {
      applied = mine;
      content = next;
    }
  }
  const timer = setInterval(() => {
    reload().catch((error: unknown) => options.log.warn({ err: error }, 'Could not reload the site content; pages use what was loaded before'));
  }, options.reloadEveryMs ?? CONTENT_RELOAD_MS);
  timer.unref();
  return { current: () => content, reload, stop: () => clearInterval(timer) };
}

/**
 * The legal texts shipped with the app, written on the first start: the texts orders were accepted with
 * before they became editable (23 November 2026), and the model texts (decision 034). A document that
 * already has versions is left alone.
 */
export async function seedLegalTexts(db: Db, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${legalVersions} in exclusive mode`); // several processes may start at once
    const known = new Set((await tx.selectDistinct({ document: legalVersions.document }).from(legalVersions)).map((row) => row.document));
    const missing = legalDocuments.filter((document) => !known.has(document));
    if (missing.length === 0) return false;
    const moscowMidnight = (date: string) => new Date(`${date}T00:00:00+03:00`);
    await tx.insert(legalVersions).values(
      missing.flatMap((document) => [
        { document, effectiveDate: '2026-11-23', effectiveFrom: moscowMidnight('2026-11-23'), body: firstTexts[document], publishedAt: now },
        { document, effectiveDate: MODEL_TEXTS_DATE, effectiveFrom: moscowMidnight(MODEL_TEXTS_DATE), body: modelTexts[document], publishedAt: now },
      ]),
    );
    return true;
  });
}
