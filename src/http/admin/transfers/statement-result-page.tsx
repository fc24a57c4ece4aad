import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { formatRub } from '../../../domain/money.js';
import { verdictWords, type LineVerdict } from '../../../domain/transfers/statement-matcher.js';
import type { StatementLineOutcome } from '../../../actions/transfers/import-bank-statement.js';

const tone: Record<LineVerdict['kind'], string> = {
  matched: 'badge badge-ok',
  duplicate: 'badge',
  outgoing: 'badge',
  unknown_number: 'badge badge-warn',
  ambiguous: 'badge badge-warn',
  partial: 'badge badge-warn',
  overpaid: 'badge badge-warn',
  already_paid: 'badge badge-warn',
  invoice_cancelled: 'badge badge-warn',
};

/** What came of an uploaded statement: the payments recorded, and the lines left for a person. */
export function StatementResultPage({ fileName, uploadedAt, lines }: { fileName: string; uploadedAt: Date; lines: StatementLineOutcome[] }) {
  const matched = lines.filter((l) => l.verdict.kind === 'matched').length;
  const toHandle = lines.filter((l) => tone[l.verdict.kind].includes('warn'));
  return (
    <section>
      <p class="breadcrumbs">
        <a href="/admin/transfers">Оплаты по счетам</a>
      </p>
      <h1>Выписка «{fileName}»</h1>
      <p class="notice" role="status">
        Загружена {moscowShort(uploadedAt)} мск. Платежей в выписке: {lines.length}, учтено оплат: {matched}, разобрать вручную: {toHandle.length}.
      </p>
      {lines.length === 0 ? (
        <p>В выписке нет платёжных документов.</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Документ</th>
              <th scope="col">Плательщик</th>
              <th scope="col">Сумма</th>
              <th scope="col">Назначение платежа</th>
              <th scope="col">Итог</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr>
                <td>
                  № {line.number} от {line.date}
                  <br />
                  <span class="hint">строка {line.line}</span>
                </td>
                <td>
                  {line.payerName}
                  {line.payerInn && `, ИНН ${line.payerInn}`}
                </td>
                <td>{formatRub(line.amountKopecks)}</td>
                <td>{line.purpose}</td>
                <td>
                  <span class={tone[line.verdict.kind]}>{verdictWords(line.verdict)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
