import type { AtolReceiptView } from '../types.js';
import { ReceiptCard } from './receipt-card.js';
import { Shell } from './shell.js';

/** All registered documents, newest first; or one of them. */
export function ReceiptsPage({ receipts, companyName, title }: { receipts: AtolReceiptView[]; companyName: (groupCode: string) => string; title: string }) {
  return (
    <Shell title={title}>
      <h1>{title}</h1>
      {receipts.length === 0 ? (
        <p class="muted">Чеков пока нет. Они появятся здесь после запроса sell, sell_refund или sell_correction.</p>
      ) : (
        <ul class="receipts">
          {receipts.map((receipt) => (
            <li>
              <ReceiptCard receipt={receipt} companyName={companyName(receipt.groupCode)} />
            </li>
          ))}
        </ul>
      )}
    </Shell>
  );
}
