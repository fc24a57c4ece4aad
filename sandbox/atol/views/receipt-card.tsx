import {
  CORRECTION_TYPES,
  MEASURE_NAMES,
  OPERATION_TITLES,
  PAYMENT_METHOD_NAMES,
  PAYMENT_OBJECT_NAMES,
  SNO_NAMES,
  STATUS_NAMES,
  VAT_NAMES,
  paymentTypeName,
} from '../labels.js';
import { atolTimestamp } from '../clock.js';
import { displayRoubles, toKopecks, vatKopecks } from '../money.js';
import type { AtolReceiptView } from '../types.js';

/** The request body's parts the page prints; it passed validation, so the shapes hold. */
interface Line {
  name: string;
  price: number;
  quantity: number;
  sum: number;
  measure: number;
  payment_method: string;
  payment_object: number;
  vat: { type: string; sum?: number };
}
interface Document {
  client?: { email?: string; phone?: string; name?: string; inn?: string };
  company: { email: string; sno?: string; inn: string; payment_address: string; location?: string };
  correction_info?: { type: string; base_date: string; base_number?: string };
  items: Line[];
  payments: { type: number; sum?: number }[];
  vats?: { type: string; sum?: number }[];
  total: number;
  internet?: boolean;
  additional_user_props?: { name: string; value: string };
}

const rub = (value: number) => displayRoubles(value);

function Row({ label, value }: { label: string; value: string | number | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** VAT per rate: the sent `vats` if any (they override the lines, docs/atol-protocol.md#vat), else from the lines. */
function vatTotals(doc: Document): { type: string; sum: number }[] {
  if (doc.vats && doc.vats.length > 0) {
    return doc.vats.map((vat) => ({ type: vat.type, sum: vat.sum ?? sumVat(doc.items.filter((line) => line.vat.type === vat.type)) }));
  }
  const types = [...new Set(doc.items.map((line) => line.vat.type))];
  return types.map((type) => ({ type, sum: sumVat(doc.items.filter((line) => line.vat.type === type)) }));
}

const sumVat = (lines: Line[]) => lines.reduce((sum, line) => sum + (line.vat.sum ?? vatKopecks(line.vat.type, toKopecks(line.sum) ?? 0) / 100), 0);

/** One document, printed the way an OFD shows a receipt: what was sold, how it was paid, the fiscal data. */
export function ReceiptCard({ receipt, companyName }: { receipt: AtolReceiptView; companyName: string }) {
  const correction = receipt.operation.endsWith('_correction');
  const doc = receipt.request[correction ? 'correction' : 'receipt'] as Document;
  const heading = OPERATION_TITLES[receipt.operation] ?? { title: 'Кассовый чек', kind: receipt.operation };
  const payload = receipt.payload;
  return (
    <article class="receipt" aria-label={`Чек ${receipt.externalId}`}>
      <p class="head">
        <span class={`state state-${receipt.status}`}>{STATUS_NAMES[receipt.status] ?? receipt.status}</span>
        <a href={`/receipts/${receipt.uuid}`}>{receipt.externalId}</a>
      </p>
      <h2>{heading.title}</h2>
      <p class="kind">{heading.kind}</p>
      <p class="company">{companyName}</p>
      <dl>
        <Row label="ИНН" value={doc.company.inn} />
        <Row label="СНО" value={doc.company.sno ? (SNO_NAMES[doc.company.sno] ?? doc.company.sno) : undefined} />
        <Row label="Место расчётов" value={doc.company.payment_address} />
        <Row label="Адрес расчётов" value={doc.company.location} />
        <Row label="Смена №" value={payload?.shift_number} />
        <Row label="Чек №" value={payload?.fiscal_receipt_number} />
        <Row label="Дата и время" value={payload?.receipt_datetime} />
      </dl>
      {doc.correction_info ? (
        <dl>
          <Row label="Тип коррекции" value={CORRECTION_TYPES[doc.correction_info.type] ?? doc.correction_info.type} />
          <Row label="Дата расчёта" value={doc.correction_info.base_date} />
          <Row label="Номер предписания" value={doc.correction_info.base_number} />
        </dl>
      ) : null}
      <hr />
      <ol>
        {doc.items.map((line, index) => (
          <li class="item">
            <div class="item-name">{`${index + 1}. ${line.name}`}</div>
            <div class="calc">
              <span>{`${rub(line.price)} × ${line.quantity} ${MEASURE_NAMES[line.measure] ?? ''}`}</span>
              <span>{`= ${rub(line.sum)}`}</span>
            </div>
            <dl>
              <Row label="Способ расчёта" value={PAYMENT_METHOD_NAMES[line.payment_method] ?? line.payment_method} />
              <Row label="Предмет расчёта" value={PAYMENT_OBJECT_NAMES[line.payment_object] ?? String(line.payment_object)} />
              <Row label={VAT_NAMES[line.vat.type] ?? line.vat.type} value={line.vat.type === 'none' ? '' : rub(line.vat.sum ?? vatKopecks(line.vat.type, toKopecks(line.sum) ?? 0) / 100)} />
            </dl>
          </li>
        ))}
      </ol>
      <hr />
      <p class="total">
        <span>ИТОГ</span>
        <span>{rub(doc.total)}</span>
      </p>
      <dl>
        {doc.payments.map((payment) => (
          <Row label={paymentTypeName(payment.type)} value={rub(payment.sum ?? doc.total)} />
        ))}
        {vatTotals(doc).map((vat) => (
          <Row label={`Сумма ${VAT_NAMES[vat.type] ?? vat.type}`} value={vat.type === 'none' ? rub(doc.items.filter((l) => l.vat.type === 'none').reduce((s, l) => s + l.sum, 0)) : rub(vat.sum)} />
        ))}
      </dl>
      <hr />
      <dl>
        <Row label="Расчёт в сети Интернет" value={doc.internet ? 'да' : 'нет'} />
        <Row label="Покупатель" value={doc.client?.name} />
        <Row label="ИНН покупателя" value={doc.client?.inn} />
        <Row label="Эл. адрес покупателя" value={doc.client?.email} />
        <Row label="Телефон покупателя" value={doc.client?.phone} />
        <Row label="Эл. адрес отправителя" value={doc.company.email} />
        <Row label={doc.additional_user_props?.name ?? ''} value={doc.additional_user_props?.value} />
        <Row label="Сайт ФНС" value={payload?.fns_site} />
      </dl>
      {payload ? (
        <>
          <hr />
          <dl>
            <Row label="РН ККТ" value={payload.ecr_registration_number} />
            <Row label="ФН" value={payload.fn_number} />
            <Row label="ФД" value={payload.fiscal_document_number} />
            <Row label="ФПД" value={payload.fiscal_document_attribute} />
          </dl>
        </>
      ) : null}
      {receipt.error ? <p class="error">{`Ошибка ${receipt.error.code} (${receipt.error.type}): ${receipt.error.text}`}</p> : null}
      <p class="muted">{`Принят в очередь ${atolTimestamp(Date.parse(receipt.registeredAt))} МСК · uuid ${receipt.uuid}`}</p>
    </article>
  );
}
