// Bank statements in the 1C exchange format, written by hand as a bank exports them (CRLF lines).

export const OUR = '40702810938000000001';

export function statementText(documents: string[][], options: { account?: string } = {}): string {
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=Windows',
    'Отправитель=Сбербанк Бизнес Онлайн',
    'ДатаСоздания=07.12.2026',
    `РасчСчет=${options.account ?? OUR}`,
    'СекцияРасчСчет',
    `РасчСчет=${options.account ?? OUR}`,
    'НачальныйОстаток=0.00',
    'КонецРасчСчет',
    ...documents.flatMap((fields) => ['СекцияДокумент=Платежное поручение', ...fields, 'КонецДокумента']),
    'КонецФайла',
  ];
  return lines.join('\r\n') + '\r\n';
}

export const incoming = (fields: { number: string; sum: string; inn?: string; purpose: string; date?: string; to?: string }) => [
  `Номер=${fields.number}`,
  `Дата=${fields.date ?? '07.12.2026'}`,
  `Сумма=${fields.sum}`,
  'ПлательщикСчет=40702810400000012345',
  `Плательщик=ИНН ${fields.inn ?? '7736207543'} ООО "Ромашка"`,
  `ПлательщикИНН=${fields.inn ?? '7736207543'}`,
  'Плательщик1=ООО "Ромашка"',
  `ПолучательСчет=${fields.to ?? OUR}`,
  'ПолучательИНН=7707083893',
  `НазначениеПлатежа=${fields.purpose}`,
];

