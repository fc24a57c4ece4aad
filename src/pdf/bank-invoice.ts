import PDFDocument from 'pdfkit';
import { pdfRoubles } from './cancellation-request.js';
import { dejaVu } from './fonts.js';
import type { VatLine } from '../domain/transfers/bank-invoice.js';

/** Everything a «Счёт на оплату» states: data in, PDF out, nothing read elsewhere. */
export interface BankInvoiceData {
  /** «Счёт на оплату № 17 от 07.12.2026». */
  title: string;
  seller: {
    name: string;
    inn: string;
    kpp: string | null;
    address: string;
    bank: { name: string; bik: string; correspondentAccount: string; settlementAccount: string };
  };
  buyer: { name: string; inn: string; kpp: string | null; address: string };
  /** «Заказ 1A2B3C4D»: what the invoice is for. */
  basis: string;
  lines: { name: string; quantity: string; unit: string; priceKopecks: number; sumKopecks: number }[];
  totalKopecks: number;
  vat: VatLine;
  purpose: string;
  /** When the file is made (the PDF's creation date). */
  generatedAt: Date;
}

const MARGIN = 48;

/** Renders the invoice on one A4 page (a very long service name carries on to the next). */
export function bankInvoicePdf(data: BankInvoiceData): Promise<Buffer> {
  const fonts = dejaVu();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: data.title, Author: data.seller.name, CreationDate: data.generatedAt } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const { seller, buyer } = data;

  // The bank block, as payers' programs expect it: the seller's bank, БИК and accounts.
  doc.lineWidth(0.5).strokeColor('#555555');
  const col = [width * 0.55, width * 0.1, width * 0.35];
  let y = MARGIN;
  y = row(doc, y, col, [`Банк получателя: ${seller.bank.name}`, 'БИК', seller.bank.bik]);
  y = row(doc, y, col, ['', 'Сч. №', seller.bank.correspondentAccount]);
  y = row(doc, y, col, [`ИНН ${seller.inn}${seller.kpp ? `   КПП ${seller.kpp}` : ''}`, 'Сч. №', seller.bank.settlementAccount]);
  y = row(doc, y, col, [`Получатель: ${seller.name}`, '', '']);

  doc.font('bold').fontSize(15).fillColor('#000000').text(data.title, MARGIN, y + 18, { width });
  doc.moveTo(MARGIN, doc.y + 4).lineTo(MARGIN + width, doc.y + 4).lineWidth(1.5).strokeColor('#000000').stroke();
  doc.moveDown(1);
  party(doc, 'Поставщик (исполнитель):', seller);
  party(doc, 'Покупатель (заказчик):', buyer);
  doc.font('regular').fontSize(10).text(`Основание: ${data.basis}`, MARGIN, doc.y + 2, { width });

  const cols = [width * 0.05, width * 0.41, width * 0.08, width * 0.06, width * 0.2, width * 0.2];
  doc.lineWidth(0.5).strokeColor('#555555');
  y = row(doc, doc.y + 10, cols, ['№', 'Наименование работ, услуг', 'Кол-во', 'Ед.', 'Цена', 'Сумма'], { bold: true });
  data.lines.forEach((line, i) => {
    y = row(doc, y, cols, [String(i + 1), line.name, line.quantity, line.unit, pdfRoubles(line.priceKopecks), pdfRoubles(line.sumKopecks)]);
  });
  const totals: [string, string][] = [
    ['Итого:', pdfRoubles(data.totalKopecks)],
    data.vat.kind === 'none' ? ['Без налога (НДС)', '—'] : [`В том числе НДС ${data.vat.percent} %:`, pdfRoubles(data.vat.vatKopecks)],
    ['Всего к оплате:', pdfRoubles(data.totalKopecks)],
  ];
  // Sums with «руб.» as on the rest of the form, not the ₽ sign.
  const vatSentence = data.vat.kind === 'none' ? 'Без НДС.' : `В том числе НДС ${data.vat.percent} %: ${pdfRoubles(data.vat.vatKopecks)}`;
  y += 6;
  for (const [label, value] of totals) {
    doc.font('bold').fontSize(10).text(label, MARGIN, y, { width: width * 0.78, align: 'right' });
    doc.text(value, MARGIN + width * 0.78, y, { width: width * 0.22, align: 'right' });
    y += 16;
  }
  doc.font('regular').fontSize(10).text(`Всего наименований ${data.lines.length}, на сумму ${pdfRoubles(data.totalKopecks)} ${vatSentence}`, MARGIN, y + 8, { width });
  doc.moveDown(0.8);
  doc.font('bold').text('Назначение платежа:', { continued: true }).font('regular').text(` ${data.purpose}`);
  doc.moveDown(0.4);
  doc.fontSize(9).fillColor('#333333').text('Пожалуйста, укажите номер счёта в назначении платежа: по нему платёж будет найден в выписке. Оплата означает согласие с условиями публичной оферты.');
  doc.fillColor('#000000').moveDown(2);
  if (doc.y + 60 > doc.page.height - MARGIN) doc.addPage();
  const line = '____________________';
  for (const role of ['Руководитель', 'Бухгалтер']) {
    const rowY = doc.y;
    doc.fontSize(10).text(role, MARGIN, rowY, { width: 110, lineBreak: false });
    doc.text(`${line} / ${line} /`, MARGIN + 110, rowY, { width: width - 110, lineBreak: false });
    doc.y = rowY + 28;
  }
  doc.end();
  return done;
}

/** One bordered table row; the row is as tall as its tallest cell. Returns the y below it. */
function row(doc: PDFKit.PDFDocument, y: number, widths: number[], cells: string[], options: { bold?: boolean } = {}): number {
  const pad = 4;
  doc.font(options.bold ? 'bold' : 'regular').fontSize(9.5);
  const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
  if (y + height > doc.page.height - MARGIN) {
    doc.addPage();
    y = MARGIN;
  }
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.rect(x, y, widths[i]!, height).stroke();
    doc.fillColor('#000000').text(cell, x + pad, y + pad, { width: widths[i]! - 2 * pad });
    x += widths[i]!;
  });
  return y + height;
}

function party(doc: PDFKit.PDFDocument, label: string, who: { name: string; inn: string; kpp: string | null; address: string }) {
  const details = `${who.name}, ИНН ${who.inn}${who.kpp ? `, КПП ${who.kpp}` : ''}, ${who.address}`;
  doc.font('regular').fontSize(10).text(label, MARGIN, doc.y + 4, { continued: true }).font('bold').text(` ${details}`);
}
