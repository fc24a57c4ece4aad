import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { bankInvoicesByNumbers, recordedDocumentKeys } from '../../db/queries/transfers.js';
import { bankStatements } from '../../db/schema/index.js';
import { decodeStatement, parseStatement } from '../../domain/transfers/bank-statement.js';
import { documentKey, invoiceNumbersIn, matchStatement, type LineVerdict, type StatementLine } from '../../domain/transfers/statement-matcher.js';
import { recordTransfer } from './record-transfer.js';

/** One payment line of an uploaded statement as the result page and the stored upload show it. */
export interface StatementLineOutcome {
  line: number;
  number: string;
  date: string;
  amountKopecks: number;
  payerName: string;
  payerInn: string;
  purpose: string;
  verdict: LineVerdict;
}

export type ImportStatementResult =
  | { kind: 'imported'; statementId: string; lines: StatementLineOutcome[] }
  | { kind: 'invalid'; error: string }
  | { kind: 'no_bank_details' };

/** Bank statements are small: a month of a small company's payments is a few hundred kilobytes. */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024;

const MOSCOW_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const isoDate = (date: string) => date.replace(MOSCOW_DATE, '$3-$2-$1');

/**
 * The bank statement (1CClientBankExchange) uploaded by an accountant or admin: every payment line
 * judged by the pure matcher (statement-matcher.ts), the matched ones recorded as transfers in one
 * transaction — each keyed on its bank document, so the same statement uploaded again records nothing
 * new — and the rest listed for a person. The upload and its outcome are kept and audited.
 */
export async function importBankStatement(
  deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'calendar' | 'content'>,
  input: { bytes: Uint8Array; fileName: string; staffId: string; ip: string },
): Promise<ImportStatementResult> {
  const bank = deps.content.current().company.bank;
  if (!bank) return { kind: 'no_bank_details' };
  if (input.bytes.length === 0) return { kind: 'invalid', error: 'Выберите файл выписки.' };
  if (input.bytes.length > STATEMENT_MAX_BYTES) return { kind: 'invalid', error: 'Файл больше 5 МБ: выгрузите выписку за более короткий период.' };
  const parsed = parseStatement(decodeStatement(input.bytes));
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  const { statement } = parsed;
  if (statement.account && statement.account !== bank.settlementAccount) {
    return { kind: 'invalid', error: `Выписка по счёту ${statement.account}, а наш расчётный счёт — ${bank.settlementAccount}. Загрузите выписку по нашему счёту.` };
  }

  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const numbers = [...new Set(statement.documents.flatMap((d) => invoiceNumbersIn(d.purpose)))];
    const invoices = await bankInvoicesByNumbers(tx, numbers);
    const keys = statement.documents.map(documentKey);
    const judged = matchStatement(statement, { ourAccount: bank.settlementAccount, invoices, recordedKeys: await recordedDocumentKeys(tx, keys) });
    const lines: StatementLineOutcome[] = [];
    for (const line of judged) lines.push(outcomeOf(line, await apply(line)));

    async function apply({ document, key, verdict }: StatementLine): Promise<LineVerdict> {
      if (verdict.kind !== 'matched') return verdict;
      const outcome = await recordTransfer(deps, tx, {
        bankInvoiceId: verdict.invoiceId,
        amountKopecks: document.amountKopecks,
        receivedOn: isoDate(document.date),
        payerName: document.payerName || 'плательщик не указан',
        payerInn: document.payerInn || null,
        documentNumber: document.number,
        documentKey: key,
        note: document.purpose.slice(0, 1000),
        source: 'statement',
        staffId: input.staffId,
        ip: input.ip,
      });
      // The matcher saw the invoice waiting in this transaction; anything else is a race lost to
      // another upload or a hand-marked payment, and the line is then reported as such.
      if (outcome.kind === 'recorded') return verdict;
      return outcome.kind === 'duplicate' ? { kind: 'duplicate' } : { kind: 'already_paid', invoiceId: verdict.invoiceId, invoiceNumber: verdict.invoiceNumber };
    }

    const [row] = await tx
      .insert(bankStatements)
      .values({ fileName: input.fileName.slice(0, 200) || 'выписка.txt', uploadedBy: input.staffId, uploadedAt: now, outcome: lines })
      .returning({ id: bankStatements.id });
    const count = (kind: LineVerdict['kind']) => lines.filter((l) => l.verdict.kind === kind).length;
    await audit(tx, {
      staffId: input.staffId,
      action: 'transfer.statement_uploaded',
      entity: 'bank_statement',
      entityId: row!.id,
      details: { fileName: input.fileName, lines: lines.length, matched: count('matched'), duplicates: count('duplicate'), outgoing: count('outgoing') },
      ip: input.ip,
      at: now,
    });
    return { kind: 'imported', statementId: row!.id, lines };
  });
}

function outcomeOf({ document }: StatementLine, verdict: LineVerdict): StatementLineOutcome {
  const { line, number, date, amountKopecks, payerName, payerInn, purpose } = document;
  return { line, number, date, amountKopecks, payerName, payerInn, purpose, verdict };
}
