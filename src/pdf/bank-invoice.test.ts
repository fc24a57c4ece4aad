import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { bankInvoicePdf, type BankInvoiceData } from './bank-invoice.js';

const data: BankInvoiceData = {
  title: 'Счёт на оплату № 17 от 07.12.2026',
  seller: {
    name: 'ООО «Услуги онлайн»',
    inn: '7707083893',
    kpp: '773601001',
    address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
    bank: { name: 'ПАО Сбербанк', bik: '044525225', correspondentAccount: '30101810400000000225', settlementAccount: '40702810938000000001' },
  },
  buyer: { name: 'ИП Иванов Иван Иванович', inn: '500123456750', kpp: null, address: '141400, г. Химки, ул. Московская, д. 1' },
  basis: 'заказ 1A2B3C4D',
  lines: [{ name: 'Техническая поддержка сайта', quantity: '1', unit: 'усл.', priceKopecks: 1_500_000, sumKopecks: 1_500_000 }],
  totalKopecks: 1_500_000,
  vat: { kind: 'none' },
  purpose: 'Оплата по счёту № 17 от 07.12.2026 за услуги. Без НДС',
  generatedAt: new Date('2026-12-07T08:20:00Z'),
};

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the bank invoice PDF', () => {
  it('states the seller’s bank, both parties, the sum, «Без НДС» and the purpose on one A4 page', async () => {
    const pdf = await bankInvoicePdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'Счёт на оплату № 17 от 07.12.2026',
      'Банк получателя: ПАО Сбербанк',
      '044525225',
      '30101810400000000225',
      '40702810938000000001',
      'Получатель: ООО «Услуги онлайн»',
      'ИНН 7707083893',
      'ИП Иванов Иван Иванович, ИНН 500123456750, 141400, г. Химки',
      'Основание: заказ 1A2B3C4D',
      'Техническая поддержка сайта',
      '15 000,00 руб.',
      'Без налога (НДС)',
      'Всего наименований 1, на сумму 15 000,00 руб. Без НДС.',
      'Назначение платежа: Оплата по счёту № 17 от 07.12.2026 за услуги. Без НДС',
    ]) {
      expect(text).toContain(expected);
    }
    // A sole trader has no КПП: none is printed for the buyer.
    expect(text).not.toContain('500123456750, КПП');
  });

  it('prints the VAT included at the service’s rate', async () => {
    const { text } = await textOf(await bankInvoicePdf({ ...data, vat: { kind: 'included', percent: 22, vatKopecks: 270_492 } }));
    expect(text).toContain('В том числе НДС 22 %: 2 704,92 руб.');
  });
});
