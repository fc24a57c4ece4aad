import { formatRub } from '../../../domain/money.js';
import { moscowShort } from '../../../domain/calendar/moscow-time.js';
import { moneyEventNames, receiptStateNames, receiptTitle } from '../../../domain/receipts/receipt-flow.js';
import type { Receipt } from '../../../db/queries/receipts.js';
import { PostForm } from '../../views/form-kit.js';

// A receipt as staff see it, on the order card and in /admin/receipts.

export function ReceiptRow({ receipt, reissued, canReissue, csrfToken, orderLink }: { receipt: Receipt; reissued: boolean; canReissue: boolean; csrfToken: string; orderLink?: string }) {
  return (
    <tr data-state={receipt.state}>
      <td>
        {receiptTitle(receipt.kind, receipt.settlement)}
        <br />
        <small>{moneyEventNames[receipt.event]}{receipt.reissueOf ? ', повторно' : ''}</small>
      </td>
      <td>{formatRub(receipt.totalKopecks)}</td>
      <td>{moscowShort(receipt.createdAt)}</td>
      <td>
        <span class={`badge badge-receipt-${receipt.state}`}>{receiptStateNames[receipt.state]}</span>
        {receipt.state === 'done' && (
          <small>
            {' '}
            ФН {receipt.fnNumber}, ФД {receipt.fiscalDocumentNumber}, ФП {receipt.fiscalDocumentAttribute}
          </small>
        )}
        {receipt.errorText && receipt.state !== 'done' && (
          <>
            <br />
            <small class="error">
              {receipt.errorCode !== null ? `Код ${receipt.errorCode}: ` : ''}
              {receipt.errorText}
            </small>
          </>
        )}
        {reissued && (
          <>
            <br />
            <small>Отправлен повторно</small>
          </>
        )}
      </td>
      <td>
        <code>{receipt.externalId}</code>
        {orderLink && (
          <>
            <br />
            <a href={orderLink}>Заказ</a>
          </>
        )}
      </td>
      <td>
        {canReissue && receipt.state === 'fail' && !reissued && (
          <PostForm action={`/admin/receipts/${receipt.id}/reissue`} csrfToken={csrfToken}>
            <button type="submit" class="button">
              Отправить повторно
            </button>
          </PostForm>
        )}
      </td>
    </tr>
  );
}

export function ReceiptTableHead() {
  return (
    <thead>
      <tr>
        <th>Чек</th>
        <th>Сумма</th>
        <th>Создан (мск)</th>
        <th>Состояние</th>
        <th>external_id</th>
        <th></th>
      </tr>
    </thead>
  );
}
