import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { actVat, serviceAct, type ActFacts } from '../domain/orders/service-act.js';
import { serviceActPdf } from './service-act.js';

const facts: ActFacts = {
  number: '17',
  date: '2027-01-15',
  orderNumber: '3F2A9C1B',
  seller: {
    name: 'ООО «Услуги онлайн»',
    inn: '7700000000',
    kpp: '770001001',
    ogrn: '1207700000000',
    address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
    bank: { name: 'ПАО Сбербанк', bik: '044525225', correspondentAccount: '30101810400000000225', settlementAccount: '40702810938000000001' },
  },
  customer: { kind: 'person', name: 'Иван Петров', email: 'ivan@example.ru', phone: '+79161234567' },
  taxSystem: 'osn',
  service: { title: 'Настройка сервера, пакет 8 ч', vat: 'vat22' },
  keptKopecks: 1_500_000,
  extraHours: [{ minutes: 135, hourlyRateKopecks: 250_000, amountKopecks: 562_500 }],
  acceptance: 'client',
};

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the act of services rendered', () => {
  it('adds the lines up and takes VAT at the receipts’ rate on the general system', () => {
    const act = serviceAct(facts);
    expect(act.lines).toEqual([
      { name: 'Настройка сервера, пакет 8 ч', unit: 'усл.', quantityMilli: 1000, priceKopecks: 1_500_000, sumKopecks: 1_500_000 },
      { name: 'Дополнительные часы: Настройка сервера, пакет 8 ч', unit: 'ч', quantityMilli: 2250, priceKopecks: 250_000, sumKopecks: 562_500 },
    ]);
    expect(act.totalKopecks).toBe(2_062_500);
    // 2 062 500 × 22 / 122 = 371 926,2… → 371 926 kopecks.
    expect(act.vat).toEqual({ kind: 'amount', percent: 22, kopecks: 371_926 });
  });

  it('says «без НДС» with the reason on УСН and patent, and a changed surcharge amount is one line of its sum', () => {
    expect(actVat('usn_income', 'none', 100)).toEqual({ kind: 'none', words: expect.stringMatching(/^Без НДС \(НДС не облагается .*п\. 2 ст\. 346\.11 НК РФ\)$/) });
    expect(actVat('patent', 'none', 100)).toEqual({ kind: 'none', words: expect.stringContaining('ст. 346.43 НК РФ') });
    expect(actVat('osn', 'none', 100)).toEqual({ kind: 'none', words: 'Без НДС' });
    const act = serviceAct({ ...facts, extraHours: [{ minutes: 120, hourlyRateKopecks: 250_000, amountKopecks: 400_000 }] });
    expect(act.lines[1]).toMatchObject({ unit: 'усл.', quantityMilli: 1000, sumKopecks: 400_000 });
  });

  it('prints both parties, the services, the total, the VAT line, the statement and the signatures (osn)', async () => {
    const pdf = await serviceActPdf(serviceAct(facts));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, text } = await textOf(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'Акт об оказании услуг № 17 от 15 января 2027 г.',
      'к заказу № 3F2A9C1B',
      'Исполнитель:',
      'ООО «Услуги онлайн»',
      'ИНН 7700000000, КПП 770001001, ОГРН 1207700000000',
      'Адрес: 125009, г. Москва, ул. Тверская, д. 1, офис 1',
      'Р/с 40702810938000000001 в ПАО Сбербанк',
      'БИК 044525225',
      'Заказчик:',
      'Иван Петров',
      'ivan@example.ru',
      '+79161234567',
      'Настройка сервера, пакет 8 ч',
      '2,25',
      '2 500,00 руб.',
      '5 625,00 руб.',
      '15 000,00 руб.',
      'Итого: 20 625,00 руб.',
      'В том числе НДС 22 %: 3 719,26 руб.',
      'Услуги выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам не имеет.',
      'Исполнитель ____________________ / ООО «Услуги онлайн» /',
      'Заказчик ____________________ / Иван Петров /',
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ' '));
    }
    expect(text).not.toContain('Без НДС');
  });

  it('on УСН prints «Без НДС» with the reason, and an entrepreneur without КПП and bank', async () => {
    const act = serviceAct({
      ...facts,
      taxSystem: 'usn_income',
      service: { ...facts.service, vat: 'none' },
      extraHours: [],
      seller: { ...facts.seller, name: 'ИП Сидоров Пётр Ильич', inn: '500100732259', kpp: null, ogrn: '304500116000157', bank: null },
      acceptance: 'silence',
    });
    const { text } = await textOf(await serviceActPdf(act));
    expect(text).toContain('ИНН 500100732259, ОГРНИП 304500116000157');
    expect(text).not.toContain('КПП');
    expect(text).toContain('Итого: 15 000,00 руб.');
    expect(text).toContain('Без НДС (НДС не облагается в связи с применением упрощённой системы налогообложения, п. 2 ст. 346.11 НК РФ)');
    expect(text).not.toContain('В том числе НДС');
    expect(text).toContain('принята без замечаний по истечении срока приёмки');
  });

  it('names a company that paid by invoice as the customer: its ИНН, КПП and legal address, and signs for it', async () => {
    const customer = { kind: 'company', name: 'ООО «Ромашка»', inn: '7707083893', kpp: '773601001', address: '117997, г. Москва, ул. Вавилова, д. 19', email: 'buh@romashka.ru', phone: '+74951234567' } as const;
    const { text } = await textOf(await serviceActPdf(serviceAct({ ...facts, customer })));
    for (const expected of ['Заказчик:', 'ООО «Ромашка»', 'ИНН 7707083893, КПП 773601001', 'Адрес: 117997, г. Москва, ул. Вавилова, д. 19', 'Заказчик ____________________ / ООО «Ромашка» /']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Иван Петров');
  });

  it('renders the same bytes from the same data (stored acts do not drift)', async () => {
    const act = serviceAct(facts);
    expect((await serviceActPdf(act)).equals(await serviceActPdf(structuredClone(act)))).toBe(true);
  });
});
