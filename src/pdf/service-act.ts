import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import { actTitle, quantityWords, type ActCustomer, type ActSeller, type ActVat, type ServiceActData } from '../domain/orders/service-act.js';
import { pdfRoubles } from './cancellation-request.js';
import { dejaVu } from './fonts.js';

// «Акт об оказании услуг» from its stored data (decision 037): nothing is read elsewhere, and the PDF's
// dates come from the act, so the same act renders the same bytes whenever it is opened.

const PAGE = { margin: 50 };
const COLUMNS = [
  { title: '№', width: 24, align: 'center' },
  { title: 'Наименование услуги', width: 215, align: 'left' },
  { title: 'Кол-во', width: 50, align: 'right' },
  { title: 'Ед.', width: 32, align: 'center' },
  { title: 'Цена', width: 87, align: 'right' },
  { title: 'Сумма', width: 87, align: 'right' },
] as const;

export const ACT_STATEMENT = 'Услуги выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам не имеет.';

export function sellerLines(seller: ActSeller): string[] {
  return [
    seller.name,
    [`ИНН ${seller.inn}`, ...(seller.kpp ? [`КПП ${seller.kpp}`] : []), `${seller.ogrn.length === 15 ? 'ОГРНИП' : 'ОГРН'} ${seller.ogrn}`].join(', '),
    `Адрес: ${seller.address}`,
    ...(seller.bank
      ? [`Р/с ${seller.bank.settlementAccount} в ${seller.bank.name}`, `БИК ${seller.bank.bik}, к/с ${seller.bank.correspondentAccount}`]
      : []),
  ];
}

/** The customer block: a person's contacts, or a company's registration details and legal address. */
export function customerLines(customer: ActCustomer): string[] {
  switch (customer.kind) {
    case 'person':
      return [customer.name, `Эл. почта: ${customer.email}`, `Телефон: ${customer.phone}`];
    case 'company':
      return [
        customer.name,
        customer.kpp ? `ИНН ${customer.inn}, КПП ${customer.kpp}` : `ИНН ${customer.inn}`,
        `Адрес: ${customer.address}`,
        `Эл. почта: ${customer.email}, телефон: ${customer.phone}`,
      ];
  }
}

export function vatWords(vat: ActVat): string {
  return vat.kind === 'none' ? vat.words : `В том числе НДС ${vat.percent}\u00a0%: ${pdfRoubles(vat.kopecks)}`;
}

/** The name under a signature line: the customer's name, or the company's. */
const customerName = (customer: ActCustomer) => customer.name;

export function serviceActPdf(act: ServiceActData): Promise<Buffer> {
  const fonts = dejaVu();
  const heading = actTitle(act);
  const issued = DateTime.fromISO(act.date, { zone: 'Europe/Moscow' }).toJSDate();
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: { Title: heading, Author: act.seller.name, CreationDate: issued, ModDate: issued },
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
  doc.font('bold').fontSize(15).text(heading, { align: 'center' });
  doc.font('regular').fontSize(10).text(`к заказу № ${act.orderNumber}`, { align: 'center' });
  doc.moveDown(1.2);

  party(doc, 'Исполнитель', sellerLines(act.seller), left, width);
  party(doc, 'Заказчик', customerLines(act.customer), left, width);
  doc.moveDown(0.6);

  table(doc, act, left);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(10).text(`Итого: ${pdfRoubles(act.totalKopecks)}`, left, doc.y, { width, align: 'right' });
  doc.font('regular').text(vatWords(act.vat), left, doc.y, { width, align: 'right' });
  doc.moveDown(1);
  doc.text(`Всего оказано услуг на сумму ${pdfRoubles(act.totalKopecks)}.`, left, doc.y, { width });
  doc.moveDown(0.5);
  doc.text(ACT_STATEMENT, left, doc.y, { width });
  if (act.acceptance === 'silence') {
    doc.moveDown(0.5);
    doc.fontSize(9).fillColor('#333333').text('Работа принята без замечаний по истечении срока приёмки, установленного публичной офертой.', left, doc.y, { width });
    doc.fillColor('#000000');
  }
  doc.moveDown(2.5);
  signatures(doc, act, left, width);
  doc.end();
  return done;
}

function party(doc: PDFKit.PDFDocument, role: string, lines: string[], left: number, width: number) {
  const y = doc.y;
  doc.font('bold').fontSize(10).text(`${role}:`, left, y, { width: 90 });
  doc.font('regular').text(lines.join('\n'), left + 90, y, { width: width - 90 });
  doc.moveDown(0.5);
}

function table(doc: PDFKit.PDFDocument, act: ServiceActData, left: number) {
  const pad = 4;
  const rows: string[][] = [
    COLUMNS.map((column) => column.title),
    ...act.lines.map((line, index) => [String(index + 1), line.name, quantityWords(line.quantityMilli), line.unit, pdfRoubles(line.priceKopecks), pdfRoubles(line.sumKopecks)]),
  ];
  let y = doc.y;
  doc.lineWidth(0.5).strokeColor('#888888');
  rows.forEach((cells, rowIndex) => {
    doc.font(rowIndex === 0 ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: COLUMNS[i]!.width - 2 * pad }))) + 2 * pad;
    if (y + height > doc.page.height - PAGE.margin) {
      doc.addPage();
      y = PAGE.margin;
    }
    let x = left;
    cells.forEach((cell, i) => {
      const column = COLUMNS[i]!;
      doc.rect(x, y, column.width, height).stroke();
      doc.text(cell, x + pad, y + pad, { width: column.width - 2 * pad, align: column.align });
      x += column.width;
    });
    y += height;
  });
  doc.x = left;
  doc.y = y;
}

function signatures(doc: PDFKit.PDFDocument, act: ServiceActData, left: number, width: number) {
  if (doc.y + 110 > doc.page.height - PAGE.margin) doc.addPage();
  const line = '____________________';
  for (const [role, name] of [
    ['Исполнитель', act.seller.name],
    ['Заказчик', customerName(act.customer)],
  ] as const) {
    const y = doc.y;
    doc.font('regular').fontSize(10).text(`${role} ${line} / ${name} /`, left, y, { width });
    doc.fontSize(7).fillColor('#555555').text('подпись', left + 75, doc.y + 1, { width: 110, align: 'center' });
    doc.fillColor('#000000');
    doc.y += 22;
  }
}
