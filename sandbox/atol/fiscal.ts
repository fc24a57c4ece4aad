import { createHash } from 'node:crypto';
import { atolTimestamp, moscowDate } from './clock.js';
import type { SandboxContext } from './context.js';
import { innMismatch, queueTimeout } from './errors.js';
import type { Receipt } from './store.js';
import type { AtolPayload, FiscalDrive } from './types.js';

/**
 * What the group's KKTs do with a queued document (docs/atol-protocol.md#report): after doneAfterMs it becomes
 * `done` with a fiscal payload, or `fail` (planned by the failNext fault, INN not the group's, or
 * still queued after the queue timeout). Numbers are plausible: one fiscal drive per group, FD
 * numbers that only grow (shift open/close reports take numbers too), receipt numbers per shift,
 * a shift per Moscow day.
 */

const digits = (seed: string, count: number) => {
  const hex = createHash('sha256').update(seed).digest('hex');
  return BigInt(`0x${hex}`).toString().slice(0, count).padStart(count, '0');
};

function driveOf(ctx: SandboxContext, groupCode: string): FiscalDrive {
  let drive = ctx.drives.get(groupCode);
  if (!drive) {
    drive = { fnNumber: `7281${digits(`fn:${groupCode}`, 12)}`, registrationNumber: `000${digits(`rn:${groupCode}`, 13)}`, lastDocument: 1000, shift: 0, shiftDay: '', receiptsInShift: 0 };
    ctx.drives.set(groupCode, drive);
  }
  return drive;
}

/** Receipts and refunds/corrections of refunds: the `n` of the receipt QR string (1 приход, 2 возврат прихода). */
const qrKind = (receipt: Receipt) => (receipt.operation.startsWith('sell_refund') ? 2 : 1);

function payloadFor(ctx: SandboxContext, receipt: Receipt, atMs: number): AtolPayload {
  const drive = driveOf(ctx, receipt.groupCode);
  const day = moscowDate(atMs);
  if (drive.shiftDay !== day) {
    if (drive.shiftDay !== '') drive.lastDocument += 1; // shift closing report
    drive.shift += 1;
    drive.lastDocument += 1; // shift opening report
    drive.shiftDay = day;
    drive.receiptsInShift = 0;
  }
  drive.lastDocument += 1;
  drive.receiptsInShift += 1;
  const fpd = createHash('sha256').update(`${receipt.uuid}:${drive.lastDocument}`).digest().readUInt32BE(0);
  const datetime = atolTimestamp(atMs);
  const total = Number((receipt.request[receipt.operation.endsWith('_correction') ? 'correction' : 'receipt'] as { total?: number } | undefined)?.total ?? 0);
  const base = ctx.baseUrl();
  const qr = new URLSearchParams({
    fn: drive.fnNumber,
    fp: String(fpd),
    i: String(drive.lastDocument),
    t: `${datetime.slice(6, 10)}${datetime.slice(3, 5)}${datetime.slice(0, 2)}T${datetime.slice(11, 13)}${datetime.slice(14, 16)}`,
    s: total.toFixed(2),
    n: String(qrKind(receipt)),
  });
  return {
    fiscal_receipt_number: drive.receiptsInShift,
    shift_number: drive.shift,
    receipt_datetime: datetime,
    total,
    fn_number: drive.fnNumber,
    ecr_registration_number: drive.registrationNumber,
    fiscal_document_number: drive.lastDocument,
    fiscal_document_attribute: fpd,
    fns_site: 'www.nalog.gov.ru',
    ofd_inn: '7704211201',
    ...(ctx.settings.ofdReceiptUrl && base ? { ofd_receipt_url: `${base}/receipts/${receipt.uuid}?${qr}` } : {}),
  };
}

/** Brings every queued document up to the clock; returns those that have just finished. */
export function processDue(ctx: SandboxContext): Receipt[] {
  const now = ctx.clock.nowMs();
  const finished: Receipt[] = [];
  for (const receipt of ctx.store.all()) {
    if (receipt.status !== 'wait') continue;
    const timeoutAt = ctx.settings.queueTimeoutMs === null ? Infinity : receipt.registeredAtMs + ctx.settings.queueTimeoutMs;
    if (!ctx.faults.stuckInWait && receipt.dueAtMs <= now && receipt.dueAtMs < timeoutAt) {
      finish(ctx, receipt, now);
      finished.push(receipt);
    } else if (timeoutAt <= now) {
      receipt.status = 'fail';
      receipt.error = queueTimeout(ctx.settings.timeoutErrorCode);
      finished.push(receipt);
    }
  }
  return finished;
}

function finish(ctx: SandboxContext, receipt: Receipt, atMs: number): void {
  const groupInn = ctx.groups.get(receipt.groupCode)?.inn;
  const root = receipt.request[receipt.operation.endsWith('_correction') ? 'correction' : 'receipt'] as { company?: { inn?: string } } | undefined;
  const receiptInn = root?.company?.inn ?? '';
  if (receipt.plannedError) {
    receipt.status = 'fail';
    receipt.error = receipt.plannedError;
  } else if (groupInn !== undefined && receiptInn !== groupInn) {
    receipt.status = 'fail';
    receipt.error = innMismatch(receiptInn, groupInn);
  } else {
    receipt.status = 'done';
    receipt.payload = payloadFor(ctx, receipt, atMs);
  }
}

/** The earliest moment after `afterMs` at which a queued document changes by itself (for advanceClock). */
export function nextChangeMs(ctx: SandboxContext, afterMs: number): number {
  let next = Infinity;
  for (const receipt of ctx.store.all()) {
    if (receipt.status !== 'wait') continue;
    const candidates = [ctx.faults.stuckInWait ? Infinity : receipt.dueAtMs];
    if (ctx.settings.queueTimeoutMs !== null) candidates.push(receipt.registeredAtMs + ctx.settings.queueTimeoutMs);
    for (const at of candidates) if (at > afterMs && at < next) next = at;
  }
  return next;
}
