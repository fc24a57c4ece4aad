import { DateTime } from 'luxon';
import { plainRoubles } from './bank-invoice.js';

// A made-up bank statement paying the invoices that wait (development only: /admin/transfers offers it
// for download), written as a bank would: 1CClientBankExchange in windows-1251 with CRLF lines.

export interface SampleInvoice {
  number: number;
  amountKopecks: number;
  issuedAt: Date;
  payer: { companyName: string; inn: string; kpp: string | null };
  purpose: string;
}

export interface SampleSeller {
  name: string;
  inn: string;
  kpp: string | null;
  settlementAccount: string;
  bik: string;
}

const moscowDay = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Moscow' }).toFormat('dd.LL.yyyy');

export function sampleStatementText(seller: SampleSeller, invoices: SampleInvoice[], now: Date): string {
  const today = moscowDay(now);
  const head = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    'Отправитель=Пример интернет-банка',
    'Получатель=Бухгалтерия предприятия',
    `ДатаСоздания=${today}`,
    'ВремяСоздания=10:00:00',
    `ДатаНачала=${today}`,
    `ДатаКонца=${today}`,
    `РасчСчет=${seller.settlementAccount}`,
    'Документ=Платежное поручение',
    'СекцияРасчСчет',
    `РасчСчет=${seller.settlementAccount}`,
    'КонецРасчСчет',
  ];
  const documents = invoices.flatMap((invoice, i) => [
    'СекцияДокумент=Платежное поручение',
    `Номер=${900 + i}`,
    `Дата=${today}`,
    `Сумма=${plainRoubles(invoice.amountKopecks).replace(',', '.')}`,
    `ПлательщикСчет=40702810${String(100000000000 + invoice.number).slice(-12)}`,
    `Плательщик=ИНН ${invoice.payer.inn} ${invoice.payer.companyName}`,
    `ПлательщикИНН=${invoice.payer.inn}`,
    `Плательщик1=${invoice.payer.companyName}`,
    ...(invoice.payer.kpp ? [`ПлательщикКПП=${invoice.payer.kpp}`] : []),
    `ПолучательСчет=${seller.settlementAccount}`,
    `ДатаПоступило=${today}`,
    `Получатель=ИНН ${seller.inn} ${seller.name}`,
    `ПолучательИНН=${seller.inn}`,
    `Получатель1=${seller.name}`,
    ...(seller.kpp ? [`ПолучательКПП=${seller.kpp}`] : []),
    `ПолучательБИК=${seller.bik}`,
    'ВидОплаты=01',
    'Очередность=5',
    `НазначениеПлатежа=${invoice.purpose}`,
    'КонецДокумента',
  ]);
  return [...head, ...documents, 'КонецФайла', ''].join('\r\n');
}

/**
 * Text → windows-1251 bytes (Node decodes this code page but has no encoder). Covers what a statement
 * holds: ASCII, Russian letters, «№», «», dashes; anything else becomes «?», as a bank's export would.
 */
export function encodeWindows1251(text: string): Uint8Array {
  const extra: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96, '\u00a0': 0xa0 };
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes[length++] = code;
    else if (code >= 0x410 && code <= 0x44f) bytes[length++] = code - 0x410 + 0xc0;
    else bytes[length++] = extra[char] ?? 0x3f;
  }
  return bytes.subarray(0, length);
}
