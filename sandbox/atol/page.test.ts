import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Kit, frozenAt, nextExternalId, prepayment, refund, startKit } from './test-kit.js';

const NBSP = '\u00a0';

describe('receipts page', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({ ...frozenAt('2026-02-05T09:00:00Z'), doneAfterMs: 0 });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('shows a registered sell like an OFD receipt, with every text escaped', async () => {
    const body = prepayment(nextExternalId());
    body.receipt.items[0]!.name = 'Настройка <script>alert(1)</script> & «сервер»';
    body.receipt.client = { email: 'client@mail.example', phone: '+79251234567' } as typeof body.receipt.client;
    const { body: accepted } = await kit.register('sell', body);
    await kit.sandbox.settle();
    const receipt = kit.sandbox.receipt(String(accepted.uuid));
    const payload = receipt?.payload;
    expect(payload).toBeTruthy();

    const response = await fetch(`${kit.sandbox.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="ru">');
    for (const text of [
      'Кассовый чек',
      'Приход',
      'ООО «Пример»',
      'ИНН',
      '7700000000',
      'ОСН',
      'https://shop.example.ru',
      `15${NBSP}000,00 × 1 шт.`,
      'Предоплата 100 %',
      'Услуга',
      'НДС 22/122',
      `2${NBSP}704,92`,
      'ИТОГ',
      'Электронными',
      'Расчёт в сети Интернет',
      'client@mail.example',
      '+79251234567',
      'receipts@shop.example.ru',
      `Смена №</dt><dd>${payload?.shift_number}`,
      `Чек №</dt><dd>${payload?.fiscal_receipt_number}`,
      payload?.receipt_datetime ?? '—',
      payload?.fn_number ?? '—',
      `ФД</dt><dd>${payload?.fiscal_document_number}`,
      `ФПД</dt><dd>${payload?.fiscal_document_attribute}`,
      'Зарегистрирован',
      body.external_id,
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain('Настройка &lt;script>alert(1)&lt;/script> &amp; «сервер»');
    expect(html).not.toContain('<script>');
  });

  it('refund, settlement by offset and a failed document read as such; one receipt has its own page', async () => {
    const back = await kit.register('sell_refund', refund());
    const settle = prepayment(nextExternalId('settle'));
    Object.assign(settle.receipt.items[0]!, { payment_method: 'full_payment', vat: { type: 'vat22', sum: 2704.92 } });
    settle.receipt.vats = [{ type: 'vat22', sum: 2704.92 }];
    settle.receipt.payments = [{ type: 2, sum: 15000 }];
    await kit.register('sell', settle);
    kit.sandbox.setFaults({ failNext: { code: 243, text: 'Некорректная сумма налога', type: 'driver' } });
    await kit.register('sell', prepayment(nextExternalId()));
    await kit.sandbox.settle();

    const html = await (await fetch(`${kit.sandbox.url}/receipts`)).text();
    for (const text of ['Возврат прихода', 'Полный расчёт', 'Зачёт предоплаты (аванса)', 'НДС 22 %', 'Ошибка 243 (driver): Некорректная сумма налога']) {
      expect(html, text).toContain(text);
    }

    const one = await fetch(`${kit.sandbox.url}/receipts/${back.body.uuid}`);
    expect(one.status).toBe(200);
    const single = await one.text();
    expect(single).toContain('Возврат прихода');
    expect(single).not.toContain('Зачёт предоплаты');
    expect((await fetch(`${kit.sandbox.url}/receipts/nope`)).status).toBe(404);
    expect((await fetch(`${kit.sandbox.url}/sandbox.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});
