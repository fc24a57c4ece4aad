import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { companyDetails } from '../../db/schema/index.js';
import { parseCompanyForm, type Company, type CompanyFormErrors, type CompanyFormValues } from '../../domain/content/company-details.js';

export type SaveCompanyResult = { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'invalid'; errors: CompanyFormErrors };

/**
 * An admin saves the company's details: checked (with the control digits), written as a new row, audited
 * with what changed, and in use in this process at once — pages, emails, PDFs and the next cash receipts.
 */
export async function saveCompanyDetails(deps: Pick<Deps, 'db' | 'clock' | 'content'>, input: { staffId: string; ip: string; values: CompanyFormValues }): Promise<SaveCompanyResult> {
  const parsed = parseCompanyForm(input.values);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  const { company } = parsed;
  const before = deps.content.current().company;
  const changed = changedFields(before, company);
  if (Object.keys(changed).length === 0) return { kind: 'unchanged' };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(companyDetails)
      .values({
        name: company.name,
        inn: company.inn,
        kpp: company.kpp,
        ogrn: company.ogrn,
        address: company.address,
        phone: company.phone,
        email: company.email,
        bankName: company.bank!.name,
        bik: company.bank!.bik,
        correspondentAccount: company.bank!.correspondentAccount,
        settlementAccount: company.bank!.settlementAccount,
        savedBy: input.staffId,
        savedAt: now,
      })
      .returning({ id: companyDetails.id });
    await audit(tx, { staffId: input.staffId, action: 'content.company_saved', entity: 'company_details', entityId: row!.id, details: { changed }, ip: input.ip, at: now });
  });
  await deps.content.reload();
  return { kind: 'saved' };
}

/** What differs, field by field, for the audit log (the details are public: printed on every page). */
function changedFields(before: Company, after: Company): Record<string, { before: unknown; after: unknown }> {
  const flat = (c: Company): Record<string, unknown> => {
    const { bank, ...rest } = c;
    return { ...rest, ...Object.fromEntries(Object.entries(bank ?? {}).map(([k, v]) => [`bank.${k}`, v])) };
  };
  const a = flat(before);
  const b = flat(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => (a[key] ?? null) !== (b[key] ?? null));
  return Object.fromEntries(keys.map((key) => [key, { before: a[key] ?? null, after: b[key] ?? null }]));
}
