import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { allows } from '../../../domain/staff/staff-access.js';
import { receiptsOfOrder } from '../../../db/queries/receipts.js';
import { ReceiptRow, ReceiptTableHead } from './receipt-bits.js';

/** The order card's «Кассовые чеки»: every receipt of the order and its surcharges with its state; null when there are none. */
export async function orderReceiptsSection(request: FastifyRequest, orderId: string, csrfToken: string): Promise<VNode | null> {
  const rows = await receiptsOfOrder(request.server.deps.db, orderId);
  if (rows.length === 0) return null;
  const reissued = new Set(rows.map((r) => r.reissueOf).filter((id) => id !== null));
  const canReissue = request.staff !== null && allows(request.staff.role, 'receipts.manage');
  return (
    <section class="panel receipts-section" id="receipts">
      <h2>Кассовые чеки</h2>
      <table class="table">
        <ReceiptTableHead />
        <tbody>
          {rows.map((receipt) => (
            <ReceiptRow receipt={receipt} reissued={reissued.has(receipt.id)} canReissue={canReissue} csrfToken={csrfToken} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
