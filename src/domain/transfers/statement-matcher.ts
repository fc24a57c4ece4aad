import type { Statement, StatementDocument } from './bank-statement.js';

// Which lines of a bank statement pay which bank invoice (decision 038). A line is applied only when it
// came to our account, names an invoice we issued in its purpose, that invoice still waits, and the
// sum is exactly the invoice's. Everything else is listed for a person and changes nothing.

export interface KnownInvoice {
  id: string;
  number: number;
  amountKopecks: number;
  state: 'waiting' | 'paid' | 'cancelled';
}

export type LineVerdict =
  | { kind: 'matched'; invoiceId: string; invoiceNumber: number }
  /** Recorded before (the same bank document), or twice in this file. */
  | { kind: 'duplicate' }
  /** Not money coming to our account: a payment we made, or another account's line. */
  | { kind: 'outgoing' }
  | { kind: 'unknown_number'; numbers: number[] }
  | { kind: 'ambiguous'; numbers: number[] }
  | { kind: 'partial'; invoiceId: string; invoiceNumber: number; expectedKopecks: number }
  | { kind: 'overpaid'; invoiceId: string; invoiceNumber: number; expectedKopecks: number }
  | { kind: 'already_paid'; invoiceId: string; invoiceNumber: number }
  | { kind: 'invoice_cancelled'; invoiceId: string; invoiceNumber: number };

export interface StatementLine {
  document: StatementDocument;
  /** The bank document's identity: its number, date, payer ИНН and sum. */
  key: string;
  verdict: LineVerdict;
}

/** The identity of a payment in the bank's books: a statement uploaded twice has the same keys. */
export const documentKey = (d: Pick<StatementDocument, 'number' | 'date' | 'payerInn' | 'amountKopecks'>) =>
  `${d.number}|${d.date}|${d.payerInn}|${d.amountKopecks}`;

// «по счёту № 17», «счет на оплату N 17», «сч. №17», «по счету 17 от …»: the word (not inside another,
// as in «расчету»), then the number.
const INVOICE_NUMBER = /(?<!\p{L})сч(?:[её]т[аеу]?|\.)?\s*(?:на\s+оплату\s*)?(?:№|N|No\.?|#)?\s*(\d{1,9})(?!\d)/giu;

/** The invoice numbers a payment's purpose mentions, in order, each once. */
export function invoiceNumbersIn(purpose: string): number[] {
  return [...new Set([...purpose.matchAll(INVOICE_NUMBER)].map((m) => Number(m[1])))];
}

/**
 * Judges every document of the statement. `ourAccount`: the seller's settlement account;
 * `invoices`: the bank invoices whose numbers the purposes mention (any state); `recordedKeys`: the
 * document keys of transfers already recorded.
 */
export function matchStatement(statement: Statement, input: { ourAccount: string; invoices: KnownInvoice[]; recordedKeys: ReadonlySet<string> }): StatementLine[] {
  const byNumber = new Map(input.invoices.map((invoice) => [invoice.number, invoice]));
  const seenKeys = new Set(input.recordedKeys);
  const settled = new Set<string>();
  return statement.documents.map((document) => {
    const key = documentKey(document);
    const verdict = judge(document, key);
    if (verdict.kind === 'matched') settled.add(verdict.invoiceId);
    seenKeys.add(key);
    return { document, key, verdict };
  });

  function judge(document: StatementDocument, key: string): LineVerdict {
    if (document.recipientAccount !== input.ourAccount) return { kind: 'outgoing' };
    if (seenKeys.has(key)) return { kind: 'duplicate' };
    const mentioned = invoiceNumbersIn(document.purpose);
    const ours = mentioned.filter((n) => byNumber.has(n));
    if (ours.length === 0) return { kind: 'unknown_number', numbers: mentioned };
    if (ours.length > 1) return { kind: 'ambiguous', numbers: ours };
    const invoice = byNumber.get(ours[0]!)!;
    const named = { invoiceId: invoice.id, invoiceNumber: invoice.number };
    if (invoice.state === 'paid' || settled.has(invoice.id)) return { kind: 'already_paid', ...named };
    if (invoice.state === 'cancelled') return { kind: 'invoice_cancelled', ...named };
    if (document.amountKopecks < invoice.amountKopecks) return { kind: 'partial', ...named, expectedKopecks: invoice.amountKopecks };
    if (document.amountKopecks > invoice.amountKopecks) return { kind: 'overpaid', ...named, expectedKopecks: invoice.amountKopecks };
    return { kind: 'matched', ...named };
  }
}

/** What each verdict tells the accountant, in Russian. */
export function verdictWords(verdict: LineVerdict): string {
  switch (verdict.kind) {
    case 'matched':
      return `Оплата счёта № ${verdict.invoiceNumber} учтена.`;
    case 'duplicate':
      return 'Этот платёж уже учтён раньше: ничего не изменилось.';
    case 'outgoing':
      return 'Не поступление на наш счёт: пропущено.';
    case 'unknown_number':
      return verdict.numbers.length === 0
        ? 'В назначении платежа нет номера нашего счёта: разберитесь вручную.'
        : `Счёт № ${verdict.numbers.join(', ')} у нас не выставлялся: разберитесь вручную.`;
    case 'ambiguous':
      return `В назначении упомянуто несколько наших счетов (№ ${verdict.numbers.join(', ')}): разберитесь вручную.`;
    case 'partial':
      return `Сумма меньше, чем по счёту № ${verdict.invoiceNumber}: частичная оплата не учтена, разберитесь вручную.`;
    case 'overpaid':
      return `Сумма больше, чем по счёту № ${verdict.invoiceNumber}: не учтено, разберитесь вручную.`;
    case 'already_paid':
      return `Счёт № ${verdict.invoiceNumber} уже оплачен: возможно, повторный платёж — разберитесь вручную.`;
    case 'invoice_cancelled':
      return `Счёт № ${verdict.invoiceNumber} отменён: деньги, возможно, надо вернуть — разберитесь вручную.`;
  }
}
