import { describe, expect, it } from 'vitest';
import { bankInvoiceEmail, type BankInvoiceEmailData } from './bank-invoice.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const pdfUrl = 'https://shop.example.ru/orders/AbCdEfGhIjKlMnOpQrStUvWx/bank-invoice.pdf';
const data: BankInvoiceEmailData = {
  customerName: 'Ольга Смирнова',
  title: 'Счёт на оплату № 17 от 07.12.2026',
  description: 'Техническая поддержка сайта',
  amountKopecks: 1_500_000,
  vat: 'В том числе НДС 22 %: 2\u00a0704,92\u00a0₽',
  payerName: 'ООО «Ромашка»',
  purpose: 'Оплата по счёту № 17 от 07.12.2026 за услуги. В т.ч. НДС 22 % 2704,92 руб.',
  pdfUrl,
  pageUrl: 'https://shop.example.ru/orders/AbCdEfGhIjKlMnOpQrStUvWx',
};

describe('bank invoice email', () => {
  it('names the invoice, the sum with VAT, the purpose to copy and links the PDF, in Russian', () => {
    const email = bankInvoiceEmail(data, sender);
    expect(email.subject).toBe('Счёт на оплату № 17 от 07.12.2026: Техническая поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Ольга Смирнова!');
      expect(version).toContain('К оплате: 15\u00a0000\u00a0₽. В том числе НДС 22 %: 2\u00a0704,92\u00a0₽.');
      expect(version).toContain('Оплата по счёту № 17 от 07.12.2026 за услуги.');
      expect(version).toContain(pdfUrl);
      expect(version).toContain('придёт письмо «Заказ оплачен» и доступ в личный кабинет');
    }
    expectLinkTwice(email.html, pdfUrl);
    expectNothingRemote(email.html);
    expectFooter(email);
  });

  it('for a surcharge promises «Доплата получена», not an account', () => {
    const email = bankInvoiceEmail({ ...data, surcharge: true }, sender);
    expect(email.text).toContain('придёт письмо «Доплата получена»');
    expect(email.text).not.toContain('личный кабинет;');
  });

  it('escapes what the client typed', () => {
    const email = bankInvoiceEmail({ ...data, customerName: scriptName, payerName: scriptName }, sender);
    expectEscaped(email.html);
  });
});
