import type { Deps } from '../../app-deps.js';
import { actOfOrder } from '../../db/queries/acceptance.js';

/**
 * The order's «Акт об оказании услуг» as a PDF, rendered from the data stored at completion (decision
 * 037): the same act whenever it is opened, whatever the company's details are now. Null before completion.
 * Who may have it is the caller's check (the order's client, or staff).
 */
export async function serviceActFile(deps: Pick<Deps, 'db'>, orderId: string): Promise<{ pdf: Buffer; fileName: string } | null> {
  const act = await actOfOrder(deps.db, orderId);
  if (!act) return null;
  // PDFKit and its fonts load on the first document asked for, not at start (decision 027).
  const { serviceActPdf } = await import('../../pdf/service-act.js');
  return { pdf: await serviceActPdf(act.data), fileName: `akt-${act.number}.pdf` };
}
