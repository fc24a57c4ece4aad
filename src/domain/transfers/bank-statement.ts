// The bank statement as client-bank programs export it for 1C: «Стандарт обмена с системами «Клиент
// банка»» (1CClientBankExchange, format 1.02/1.03). A text file, windows-1251 («Кодировка=Windows»)
// or cp866 («Кодировка=DOS»), lines «Ключ=Значение»; each payment between «СекцияДокумент=…» and
// «КонецДокумента». Only what the matcher needs is kept (statement-matcher.ts).

export interface StatementDocument {
  /** The line «СекцияДокумент=…» is on (1-based), to point a person at it. */
  line: number;
  kind: string;
  number: string;
  /** «05.12.2026» as written. */
  date: string;
  amountKopecks: number;
  payerAccount: string;
  payerInn: string;
  payerName: string;
  recipientAccount: string;
  recipientInn: string;
  purpose: string;
}

export interface Statement {
  /** The account the statement is about («РасчСчет=» of the header). */
  account: string | null;
  documents: StatementDocument[];
}

export type StatementParse = { ok: true; statement: Statement } | { ok: false; error: string };

/**
 * The file's bytes as text: windows-1251 (the usual), or cp866 when the file says «Кодировка=DOS». A
 * file saved as UTF-8 by an editor is recognised by being valid UTF-8 with letters beyond ASCII. Node's
 * full ICU knows both code pages.
 */
export function decodeStatement(bytes: Uint8Array): string {
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null && /[^\p{ASCII}]/u.test(utf8)) return utf8.replace(/^\uFEFF/, '');
  // The key «Кодировка» is itself Cyrillic, so it reads right only in the file's own code page.
  const dos = new TextDecoder('ibm866').decode(bytes);
  if (/^Кодировка=DOS\s*$/m.test(dos)) return dos;
  return new TextDecoder('windows-1251').decode(bytes);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const FIELDS = {
  Номер: 'number',
  Дата: 'date',
  Сумма: 'amount',
  ПлательщикСчет: 'payerAccount',
  ПлательщикРасчСчет: 'payerSettlementAccount',
  ПлательщикИНН: 'payerInn',
  Плательщик1: 'payerName1',
  Плательщик: 'payerName',
  ПолучательСчет: 'recipientAccount',
  ПолучательРасчСчет: 'recipientSettlementAccount',
  ПолучательИНН: 'recipientInn',
} as const;
type Raw = Partial<Record<(typeof FIELDS)[keyof typeof FIELDS], string>> & { purpose: string[] };

const DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const AMOUNT = /^(\d{1,12})(?:[.,](\d{1,2}))?$/;

/** Reads the text of a statement; a malformed file gets a Russian message naming its line. */
export function parseStatement(text: string): StatementParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const fail = (line: number, message: string): StatementParse => ({ ok: false, error: `Строка ${line}: ${message}` });
  if (lines[0]?.trim() !== '1CClientBankExchange') {
    return fail(1, 'файл не похож на выписку в формате 1С: первой строкой должно быть «1CClientBankExchange». Выгрузите выписку из интернет-банка «для 1С».');
  }
  let account: string | null = null;
  const documents: StatementDocument[] = [];
  let open: { line: number; kind: string; raw: Raw } | null = null;
  let ended = false;

  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const content = lines[i]!.trim();
    if (content === '') continue;
    if (ended) return fail(line, 'после «КонецФайла» ничего не должно быть.');
    if (content === 'КонецФайла') {
      if (open) return fail(line, `документ со строки ${open.line} не закрыт строкой «КонецДокумента».`);
      ended = true;
      continue;
    }
    if (content === 'КонецДокумента') {
      if (!open) return fail(line, '«КонецДокумента» без начала документа («СекцияДокумент=…»).');
      const document = documentOf(open);
      if (typeof document === 'string') return fail(open.line, document);
      documents.push(document);
      open = null;
      continue;
    }
    if (content === 'СекцияРасчСчет' || content === 'КонецРасчСчет') continue;
    const eq = content.indexOf('=');
    if (eq <= 0) return fail(line, `ожидалась строка вида «Ключ=Значение», а в файле «${content.slice(0, 60)}».`);
    const key = content.slice(0, eq).trim();
    const value = content.slice(eq + 1).trim();
    if (key === 'СекцияДокумент') {
      if (open) return fail(line, `новый документ начался, а документ со строки ${open.line} не закрыт строкой «КонецДокумента».`);
      open = { line, kind: value, raw: { purpose: [] } };
      continue;
    }
    if (!open) {
      if (key === 'РасчСчет' && account === null) account = value;
      continue;
    }
    // «НазначениеПлатежа» whole, or split over «НазначениеПлатежа1…6» by older programs.
    if (/^Назначени(?:е|ени)Платежа\d?$/.test(key)) {
      if (value) open.raw.purpose.push(value);
    } else if (Object.hasOwn(FIELDS, key)) {
      open.raw[FIELDS[key as keyof typeof FIELDS]] = value;
    }
  }
  if (open) return fail(open.line, 'документ не закрыт строкой «КонецДокумента»: файл обрезан?');
  if (!ended) return fail(lines.length, 'нет строки «КонецФайла»: файл обрезан? Выгрузите выписку ещё раз.');
  return { ok: true, statement: { account, documents } };
}

/** A document's fields, or what is wrong with it. */
function documentOf({ line, kind, raw }: { line: number; kind: string; raw: Raw }): StatementDocument | string {
  if (!raw.number) return 'у документа нет номера («Номер=»).';
  if (!raw.date || !DATE.test(raw.date)) return `у документа № ${raw.number} нет даты в виде ДД.ММ.ГГГГ («Дата=»).`;
  const amount = AMOUNT.exec(raw.amount ?? '');
  if (!amount) return `у документа № ${raw.number} сумма «${raw.amount ?? ''}» не число вида 15000.00 («Сумма=»).`;
  const amountKopecks = Number(amount[1]) * 100 + Number((amount[2] ?? '').padEnd(2, '0'));
  return {
    line,
    kind,
    number: raw.number,
    date: raw.date,
    amountKopecks,
    payerAccount: raw.payerAccount || raw.payerSettlementAccount || '',
    payerInn: raw.payerInn ?? '',
    payerName: raw.payerName1 || stripInn(raw.payerName ?? ''),
    recipientAccount: raw.recipientAccount || raw.recipientSettlementAccount || '',
    recipientInn: raw.recipientInn ?? '',
    purpose: raw.purpose.join(' ').replace(/\s+/g, ' ').trim(),
  };
}

/** «Плательщик=ИНН 7707083893 ООО "Ромашка"» → «ООО "Ромашка"». */
const stripInn = (name: string) => name.replace(/^ИНН\s*\d+\s*/, '').trim();
