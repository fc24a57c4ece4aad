import { describe, expect, it } from 'vitest';
import { decodeStatement, parseStatement } from './bank-statement.js';
import { encodeWindows1251 } from './sample-statement.js';
import { incoming, OUR, statementText } from '../../../tests/helpers/bank-statements.js';

describe('decodeStatement', () => {
  it('reads windows-1251 bytes (Кодировка=Windows), the usual export', () => {
    const bytes = encodeWindows1251(statementText([incoming({ number: '15', sum: '15000.00', purpose: 'Оплата по счёту № 17 от 06.12.2026 за услуги. Без НДС' })]));
    expect(bytes.length).toBeGreaterThan(100);
    // Real single-byte Cyrillic, not UTF-8: «О» is 0xCE.
    expect([...bytes]).toContain(0xce);
    const text = decodeStatement(bytes);
    expect(text).toContain('НазначениеПлатежа=Оплата по счёту № 17');
  });

  it('reads cp866 when the file says Кодировка=DOS', () => {
    const text = '1CClientBankExchange\r\nКодировка=DOS\r\nКонецФайла\r\n';
    // cp866: А-П 0x80-0x8F, Р-Я 0x90-0x9F, а-п 0xA0-0xAF, р-я 0xE0-0xEF.
    const bytes = Uint8Array.from([...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x42f) return code - 0x410 + 0x80;
      if (code >= 0x430 && code <= 0x43f) return code - 0x430 + 0xa0;
      return code - 0x440 + 0xe0;
    }));
    expect(decodeStatement(bytes)).toBe(text);
  });

  it('reads a file an editor saved as UTF-8', () => {
    const text = statementText([]);
    expect(decodeStatement(new TextEncoder().encode(`\uFEFF${text}`))).toBe(text);
  });
});

describe('parseStatement', () => {
  it('reads several documents with CRLF lines', () => {
    const parsed = parseStatement(
      statementText([
        incoming({ number: '15', sum: '15000.00', purpose: 'Оплата по счёту № 17 от 06.12.2026 за услуги. Без НДС' }),
        incoming({ number: '16', sum: '2500.5', inn: '500123456750', purpose: 'Счет 18' }),
        ['Номер=3', 'Дата=07.12.2026', 'Сумма=100', `ПлательщикСчет=${OUR}`, 'ПлательщикИНН=7707083893', 'ПолучательСчет=40702810400000099999', 'НазначениеПлатежа1=Аренда за декабрь', 'НазначениеПлатежа2=НДС не облагается'],
      ]),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.statement.account).toBe(OUR);
    expect(parsed.statement.documents).toHaveLength(3);
    expect(parsed.statement.documents[0]).toMatchObject({
      line: 11,
      kind: 'Платежное поручение',
      number: '15',
      date: '07.12.2026',
      amountKopecks: 1_500_000,
      payerInn: '7736207543',
      payerName: 'ООО "Ромашка"',
      recipientAccount: OUR,
      purpose: 'Оплата по счёту № 17 от 06.12.2026 за услуги. Без НДС',
    });
    expect(parsed.statement.documents[1]).toMatchObject({ amountKopecks: 250_050, payerInn: '500123456750' });
    expect(parsed.statement.documents[2]).toMatchObject({ payerAccount: OUR, purpose: 'Аренда за декабрь НДС не облагается' });
  });

  it('takes the payer name from «Плательщик» without its ИНН when there is no «Плательщик1»', () => {
    const fields = incoming({ number: '1', sum: '1.00', purpose: 'x' }).filter((f) => !f.startsWith('Плательщик1='));
    const parsed = parseStatement(statementText([fields]));
    expect(parsed.ok && parsed.statement.documents[0]!.payerName).toBe('ООО "Ромашка"');
  });

  it.each([
    ['not a statement', 'Дата;Сумма;Назначение\r\n', 'Строка 1: файл не похож на выписку в формате 1С'],
    ['a document left open', statementText([incoming({ number: '1', sum: '1', purpose: 'x' })]).replace('КонецДокумента\r\n', ''), 'Строка 22: документ со строки 11 не закрыт строкой «КонецДокумента»'],
    ['a bad sum', statementText([incoming({ number: '7', sum: '15 000,00', purpose: 'x' })]), 'Строка 11: у документа № 7 сумма «15 000,00» не число'],
    ['a bad date', statementText([incoming({ number: '7', sum: '1', date: '2026-12-07', purpose: 'x' })]), 'Строка 11: у документа № 7 нет даты'],
    ['a line without «=»', statementText([[...incoming({ number: '7', sum: '1', purpose: 'x' }), 'мусор']]), 'Строка 22: ожидалась строка вида «Ключ=Значение», а в файле «мусор»'],
    ['a cut file', statementText([]).replace('КонецФайла\r\n', ''), 'нет строки «КонецФайла»'],
    ['an end without a start', statementText([]).replace('КонецРасчСчет', 'КонецРасчСчет\r\nКонецДокумента'), 'Строка 11: «КонецДокумента» без начала документа'],
  ])('says in Russian which line is wrong: %s', (_what, text, message) => {
    const parsed = parseStatement(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toContain(message);
  });
});
