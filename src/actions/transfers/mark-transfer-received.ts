import type { Deps } from '../../app-deps.js';
import { findWaitingBankInvoice, type WaitingBankInvoice } from '../../db/queries/transfers.js';
import { checkTransferForm, transferFormFields, type TransferFormErrors, type TransferFormValues } from '../../domain/transfers/transfer-form.js';
import { recordTransfer } from './record-transfer.js';

export type MarkTransferResult =
  | { kind: 'recorded'; orderId: string }
  | { kind: 'invalid'; waiting: WaitingBankInvoice; values: TransferFormValues; errors: TransferFormErrors }
  | { kind: 'not_waiting' };

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 2000) : '');

/**
 * An accountant or admin records a transfer seen in the bank by hand (amount, date, payer, note):
 * the same money event as a statement line (record-transfer.ts), audited with who and from where.
 */
export async function markTransferReceived(
  deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'calendar' | 'content'>,
  input: { bankInvoiceId: string; staffId: string; body: Record<string, unknown>; ip: string },
): Promise<MarkTransferResult> {
  const values: TransferFormValues = {};
  for (const field of transferFormFields) values[field] = text(input.body[field]);
  const waiting = await findWaitingBankInvoice(deps.db, input.bankInvoiceId);
  if (!waiting) return { kind: 'not_waiting' };
  const checked = checkTransferForm(values, waiting.invoice, deps.clock.now());
  if (!checked.ok) return { kind: 'invalid', waiting, values, errors: checked.errors };
  const outcome = await deps.db.transaction((tx) =>
    recordTransfer(deps, tx, {
      bankInvoiceId: waiting.invoice.id,
      ...checked.transfer,
      payerInn: null,
      documentNumber: null,
      documentKey: null,
      source: 'manual',
      staffId: input.staffId,
      ip: input.ip,
    }),
  );
  switch (outcome.kind) {
    case 'recorded':
      return outcome;
    case 'amount_differs':
    case 'duplicate':
    case 'not_waiting':
      // Paid or withdrawn meanwhile (another tab, a statement): nothing recorded twice.
      return { kind: 'not_waiting' };
  }
}
