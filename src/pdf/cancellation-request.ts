import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { dejaVu } from './fonts.js';

/** Everything the bank's «Заявка на отмену операции» states: data in, PDF out, nothing read elsewhere. */
export interface CancellationRequestData {
  merchant: { name: string; inn: string; ogrn: string; address: string; gatewayMerchantId: string };
  /** Our number for the request (the refund operation's short id) and when staff asked for the refund. */
  number: string;
  requestedAt: Date;
  /** The original payment. */
  payment: {
    paidAt: Date;
    amountKopecks: number;
    gatewayPaymentId: string;
    /** What we sent the gateway as its order id. */
    gatewayOrderId: string;
    /** Brand as people know it («Visa»), and the last four digits. */
    card: { brand: string | null; last4: string } | null;
    /** The order's number («У-1042»): never its public reference, which opens the order's page. */
    orderRef: string;
    description: string;
  };
  refund: { amountKopecks: number; reason: string; gatewayRefundId: string | null };
  /** When the file is made (the PDF's creation date). */
  generatedAt: Date;
}

const ZONE = 'Europe/Moscow';
const kopecksFormat = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1500050 → «15 000,50 руб.», with non-breaking spaces so an amount never breaks across lines. */
export function pdfRoubles(kopecks: number): string {
  return `${kopecksFormat.format(kopecks / 100).replace(/\s/g, '\u00a0')}\u00a0руб.`;
}

export const moscowDateTime = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE }).toFormat("dd.LL.yyyy HH:mm:ss '(мск)'");
const moscowDate = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE }).toFormat('dd.LL.yyyy');

const PAGE = { margin: 56, labelWidth: 200 };

/** The request as rows of the form: label, value. */
export function requestRows(data: CancellationRequestData): [string, string][] {
  const { merchant, payment, refund } = data;
  const full = refund.amountKopecks >= payment.amountKopecks;
  const card = payment.card ? `${payment.card.brand ? `${payment.card.brand}, ` : ''}**** **** **** ${payment.card.last4}` : 'не сообщена шлюзом';
  return [
    ['Наименование организации', merchant.name],
    ['ИНН / ОГРН', `${merchant.inn} / ${merchant.ogrn}`],
    ['Адрес', merchant.address],
    ['Идентификатор магазина (Merchant ID)', merchant.gatewayMerchantId],
    ['Идентификатор платежа в шлюзе', payment.gatewayPaymentId],
    ['Номер заказа в шлюзе', payment.gatewayOrderId],
    ['Дата и время операции', moscowDateTime(payment.paidAt)],
    ['Сумма операции', pdfRoubles(payment.amountKopecks)],
    ['Сумма к возврату', `${pdfRoubles(refund.amountKopecks)} (${full ? 'полный возврат' : 'частичный возврат'})`],
    ['Карта', card],
    ['Назначение платежа', `${payment.description} (заказ ${payment.orderRef})`],
    ['Причина отмены', refund.reason],
    ...(refund.gatewayRefundId ? [['Идентификатор возврата в шлюзе', refund.gatewayRefundId] as [string, string]] : []),
  ];
}

/** Renders the request on one A4 page. */
export function cancellationRequestPdf(data: CancellationRequestData): Promise<Buffer> {
  const fonts = dejaVu();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: 'Заявка на отмену операции', Author: data.merchant.name, CreationDate: data.generatedAt },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  doc.font('regular').fontSize(10).text('В платёжный сервис Freedom Pay', { align: 'right' });
  doc.text(`от ${data.merchant.name}`, { align: 'right' });
  doc.moveDown(2);
  doc.font('bold').fontSize(16).text('Заявка на отмену операции', { align: 'center' });
  doc.font('regular').fontSize(11).text(`№ ${data.number} от ${moscowDate(data.requestedAt)}`, { align: 'center' });
  doc.moveDown(1.5);
  doc
    .fontSize(11)
    .text(
      'Просим отменить операцию оплаты по банковской карте и вернуть денежные средства на карту плательщика в сумме, указанной ниже. Сведения об операции:',
      { align: 'left' },
    );
  doc.moveDown(0.8);

  let y = doc.y;
  const valueWidth = width - PAGE.labelWidth;
  const pad = 5;
  doc.lineWidth(0.5).strokeColor('#888888');
  for (const [label, value] of requestRows(data)) {
    doc.fontSize(10);
    const height =
      Math.max(doc.font('regular').heightOfString(label, { width: PAGE.labelWidth - 2 * pad }), doc.font('bold').heightOfString(value, { width: valueWidth - 2 * pad })) +
      2 * pad;
    // A very long reason could run off the page: carry on on the next one.
    if (y + height > doc.page.height - PAGE.margin) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc.rect(left, y, PAGE.labelWidth, height).stroke();
    doc.rect(left + PAGE.labelWidth, y, valueWidth, height).stroke();
    doc.font('regular').fillColor('#333333').text(label, left + pad, y + pad, { width: PAGE.labelWidth - 2 * pad });
    doc.font('bold').fillColor('#000000').text(value, left + PAGE.labelWidth + pad, y + pad, { width: valueWidth - 2 * pad });
    y += height;
  }

  doc.font('regular').fontSize(10).fillColor('#000000');
  doc.text(`Дата заявки: ${moscowDateTime(data.requestedAt)}`, left, y + 16, { width });
  doc.moveDown(3);
  if (doc.y + 130 > doc.page.height - PAGE.margin) doc.addPage();
  // Role, then "signature / full name" lines at fixed columns so both rows line up.
  const line = '______________________';
  for (const role of ['Руководитель', 'Главный бухгалтер']) {
    const rowY = doc.y;
    doc.fontSize(11).text(role, left, rowY, { width: 130, lineBreak: false });
    doc.text(`${line} / ${line} /`, left + 130, rowY, { width: width - 130, lineBreak: false });
    doc.fontSize(8).fillColor('#555555');
    doc.text('подпись', left + 130, rowY + 15, { width: 140, align: 'center', lineBreak: false });
    doc.text('расшифровка подписи', left + 285, rowY + 15, { width: 140, align: 'center', lineBreak: false });
    doc.fillColor('#000000');
    doc.y = rowY + 44;
  }
  doc.fontSize(11).text('М.П.', left + 30, doc.y + 6, { width });
  doc.end();
  return done;
}
