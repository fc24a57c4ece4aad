import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { cancellationRequestPdf, pdfRoubles, type CancellationRequestData } from './cancellation-request.js';

const data: CancellationRequestData = {
  merchant: { name: 'ООО «Услуги онлайн»', inn: '7700000000', ogrn: '1207700000000', address: '125009, г. Москва, ул. Тверская, д. 1', gatewayMerchantId: '545084' },
  number: 'В-3F2A9C1B',
  requestedAt: new Date('2026-03-05T21:01:00Z'), // 00:01 Moscow, 6 March
  payment: {
    paidAt: new Date('2026-03-05T11:02:07Z'),
    amountKopecks: 1_500_000,
    gatewayPaymentId: '100000123',
    gatewayOrderId: '7c0b2f0e-6a55-4a36-9d0d-0b0c7f1b2a11',
    card: { brand: 'Mastercard', last4: '7703' },
    orderRef: 'AbC-123_xyz',
    description: 'Поддержка сайта',
  },
  refund: { amountKopecks: 600_050, reason: 'Клиент отказался', gatewayRefundId: null },
  generatedAt: new Date('2026-03-05T21:02:00Z'),
};

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the bank cancellation request PDF', () => {
  it('formats amounts with kopecks and non-breaking spaces', () => {
    expect(pdfRoubles(600_050)).toBe('6\u00a0000,50\u00a0руб.');
    expect(pdfRoubles(1_500_000)).toBe('15\u00a0000,00\u00a0руб.');
  });

  it('states every field in Russian on one A4 page', async () => {
    const pdf = await cancellationRequestPdf(data);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'Заявка на отмену операции',
      '№ В-3F2A9C1B от 06.03.2026',
      'ИНН / ОГРН 7700000000 / 1207700000000',
      'Идентификатор магазина (Merchant ID) 545084',
      'Идентификатор платежа в шлюзе 100000123',
      'Дата и время операции 05.03.2026 14:02:07 (мск)',
      'Сумма операции 15 000,00 руб.',
      'Сумма к возврату 6 000,50 руб. (частичный возврат)',
      'Карта Mastercard, **** **** **** 7703',
      'Причина отмены Клиент отказался',
      'Руководитель',
      'Главный бухгалтер',
      'М.П.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Идентификатор возврата');
  });

  it('keeps the longest reason the form allows (500 characters) and the signatures on the page', async () => {
    const reason = 'Очень подробная причина. '.repeat(20);
    const address = 'очень длинный адрес, строение 1, '.repeat(6);
    const pdf = await cancellationRequestPdf({ ...data, merchant: { ...data.merchant, address }, refund: { ...data.refund, reason } });
    const { pages, text } = await textOf(pdf);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain(reason.trim());
    expect(text).toContain('Главный бухгалтер');
    expect(text).toContain('М.П.');
  });
});
