import { parseAtolTimestamp } from './clock.js';
import { NOMINAL_VAT, VAT_2025, lineSumKopecks, vatKopecks } from './money.js';
import type { Issue } from './schema-checks.js';
import type { CheckedDocument } from './validate-document.js';

/**
 * The sums a KKT would refuse (docs/atol-protocol.md#sandbox-model): line sum =
 * price × quantity, total = Σ lines = Σ payments, VAT sums that match their rate. Reported at intake
 * as code 32 so the client fails in tests, not in production. Kinds here are the sandbox's own.
 */
export interface ArithmeticOptions {
  vatToleranceKopecks: number;
  strict: boolean;
}

const PREPAYMENT_METHODS = new Set(['full_prepayment', 'prepayment', 'advance']);
const FIRST_OF_2026 = parseAtolTimestamp('01.01.2026 00:00:00') ?? 0;

export function checkArithmetic(doc: CheckedDocument, options: ArithmeticOptions): Issue[] {
  const issues: Issue[] = [];
  const add = (kind: string, path: string) => issues.push({ kind, path });
  const base = `/${doc.root}`;
  const close = (a: number, b: number) => Math.abs(a - b) <= options.vatToleranceKopecks;

  for (const line of doc.lines) {
    if (line.sumKopecks !== lineSumKopecks(line.priceKopecks, line.quantityThousandths)) add('SumMismatch', `${line.path}/sum`);
    if (line.vatKopecks !== undefined && !close(line.vatKopecks, vatKopecks(line.vatType, line.sumKopecks))) add('VatSumMismatch', `${line.path}/vat/sum`);
    if (options.strict) {
      if (PREPAYMENT_METHODS.has(line.paymentMethod) && NOMINAL_VAT.has(line.vatType)) add('VatRateMismatch', `${line.path}/vat/type`);
      if (VAT_2025.has(line.vatType) && doc.timestampMs >= FIRST_OF_2026) add('VatRateMismatch', `${line.path}/vat/type`);
      if (line.paymentMethod === 'advance' && line.paymentObject !== 10) add('PaymentObjectMismatch', `${line.path}/payment_object`);
    }
  }

  const linesTotal = doc.lines.reduce((sum, line) => sum + line.sumKopecks, 0);
  if (linesTotal !== doc.totalKopecks) add('TotalMismatch', `${base}/total`);

  // A payment without `sum` takes the rest of the total (docs/atol-protocol.md#payments); two of them cannot be split.
  const withoutSum = doc.payments.filter((payment) => payment.sumKopecks === undefined).length;
  const paid = doc.payments.reduce((sum, payment) => sum + (payment.sumKopecks ?? 0), 0);
  if (withoutSum > 1 || (withoutSum === 0 ? paid !== doc.totalKopecks : paid > doc.totalKopecks)) add('PaymentsSumMismatch', `${base}/payments`);

  const seen = new Set<string>();
  for (const vat of doc.vats) {
    const lines = doc.lines.filter((line) => line.vatType === vat.type);
    if (seen.has(vat.type) || lines.length === 0) {
      add('VatTypeMismatch', `${vat.path}/type`);
      continue;
    }
    seen.add(vat.type);
    if (vat.sumKopecks === undefined) continue;
    // Either VAT of the rate's total or the sum of the lines' VAT: KKTs differ, both are accepted.
    const ofTotal = vatKopecks(vat.type, lines.reduce((sum, line) => sum + line.sumKopecks, 0));
    const ofLines = lines.reduce((sum, line) => sum + (line.vatKopecks ?? vatKopecks(line.vatType, line.sumKopecks)), 0);
    if (!close(vat.sumKopecks, ofTotal) && !close(vat.sumKopecks, ofLines)) add('VatSumMismatch', `${vat.path}/sum`);
  }
  return issues;
}
