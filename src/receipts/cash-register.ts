import type { FiscalAttributes, ReceiptDocument } from '../domain/receipts/receipt.js';

// What uslugi needs from a cloud cash register, whoever provides it (ATOL Online first). An adapter
// keeps its own token and field names; callers see only these answers.

/** A register's own error, kept for staff as the register said it. */
export interface RegisterError {
  code: number;
  text: string;
}

export type RegisterAnswer =
  /** Accepted for registration: poll `report(uuid)` (or wait for the callback) until done or fail. */
  | { kind: 'accepted'; uuid: string }
  /** This external id was registered before: reconcile with that document, never send a second one. */
  | { kind: 'duplicate'; uuid: string | null }
  /** The register refused the document itself (data error): sending it again will not help. */
  | { kind: 'rejected'; error: RegisterError }
  /** No definite answer (network, timeout, 5xx): send the same document with the same external id again. */
  | { kind: 'unavailable'; reason: string };

export type ReportAnswer =
  | { kind: 'wait' }
  | { kind: 'done'; fiscal: FiscalAttributes }
  | { kind: 'fail'; error: RegisterError }
  /** The register has no document with this uuid (or it is older than its report window). */
  | { kind: 'not_found' }
  | { kind: 'unavailable'; reason: string };

export interface CashRegister {
  /** Registers a receipt under an external id chosen and saved by us before the call. */
  register(document: ReceiptDocument, externalId: string, options: { callbackUrl: string | null; at: Date }): Promise<RegisterAnswer>;
  /** Where the receipt with this register uuid stands. */
  report(uuid: string): Promise<ReportAnswer>;
}
