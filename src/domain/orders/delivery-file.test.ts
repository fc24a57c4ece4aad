import { describe, expect, it } from 'vitest';
import { checkDeliveryFile, cleanFileName, fileSizeWords } from './delivery-file.js';
import { checkMessage, checkResult, httpsUrl } from './delivery-forms.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const zipWith = (...entries: string[]) => bytes(`PK\x03\x04${entries.join('\x00')}`);
const MB = 1024 * 1024;

describe('an order file is taken by its extension and its first bytes together', () => {
  it.each([
    ['отчёт.pdf', bytes('%PDF-1.7\n...'), 'application/pdf'],
    ['скан.PNG', bytes('\x89PNG\r\n\x1a\n....'), 'image/png'],
    ['фото.jpg', bytes('\xff\xd8\xff\xe0....'), 'image/jpeg'],
    ['фото.webp', bytes('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['архив.zip', zipWith('site/index.php'), 'application/zip'],
    ['договор.docx', zipWith('[Content_Types].xml', 'word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['смета.xlsx', zipWith('[Content_Types].xml', 'xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['заметки.txt', new Uint8Array(Buffer.from('Привет,\tмир\r\n')), 'text/plain; charset=utf-8'],
  ])('%s', (name, content, type) => {
    expect(checkDeliveryFile({ name, bytes: content }, MB)).toEqual({ ok: true, file: expect.objectContaining({ fileName: name, contentType: type }) });
  });

  it.each([
    ['страница.html', bytes('<html></html>'), 'Такие файлы не принимаются'],
    ['рисунок.svg', bytes('<svg/>'), 'Такие файлы не принимаются'],
    ['программа.exe', bytes('MZ....'), 'Такие файлы не принимаются'],
    ['безрасширения', bytes('%PDF-1.7'), 'Такие файлы не принимаются'],
    ['отчёт.pdf', bytes('<html><script>alert(1)</script>'), 'не похоже на PDF'],
    ['фото.png', bytes('\xff\xd8\xff\xe0'), 'не похоже на PNG'],
    ['договор.docx', zipWith('site/index.php'), 'не похоже на DOCX'],
    ['страница.txt', bytes('<!DOCTYPE html><script>alert(1)</script>'), 'не похоже на TXT'],
    ['данные.txt', bytes('\x00\x01\x02'), 'не похоже на TXT'],
    ['пусто.pdf', new Uint8Array(), 'Файл пустой'],
    ['.pdf', bytes('%PDF-1.7'), 'У файла нет имени'],
  ])('refuses %s', (name, content, error) => {
    const checked = checkDeliveryFile({ name, bytes: content }, MB);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toContain(error);
  });

  it('refuses a file over the limit, naming both sizes', () => {
    const big = new Uint8Array(MB + 200_000);
    big.set(bytes('%PDF-1.7'));
    expect(checkDeliveryFile({ name: 'отчёт.pdf', bytes: big }, MB)).toEqual({ ok: false, error: 'Файл больше 1 МБ (1,2 МБ): уменьшите его или разделите на части.' });
  });

  it('keeps the name without folders, quotes or control characters, shortened with its extension', () => {
    expect(cleanFileName('C:\\fakepath\\Отчёт "итог".pdf')).toBe('Отчёт итог.pdf');
    expect(cleanFileName('../../etc/passwd\r\n.txt')).toBe('passwd.txt');
    expect(cleanFileName('о\u0308тчет.pdf')).toBe('\u04e7тчет.pdf'); // composed (NFC), as macOS does not send it
    const long = cleanFileName(`${'я'.repeat(300)}.xlsx`);
    expect([long.length, long.endsWith('.xlsx')]).toEqual([200, true]);
  });

  it('says sizes in Russian', () => {
    expect([fileSizeWords(820), fileSizeWords(340 * 1024), fileSizeWords(1.25 * MB)]).toEqual(['820 байт', '340 КБ', '1,3 МБ']);
  });
});

describe('results and messages', () => {
  it('takes only whole https addresses without credentials', () => {
    expect(httpsUrl('https://git.example.ru/site')).toBe('https://git.example.ru/site');
    for (const bad of ['http://example.ru', 'javascript:alert(1)', 'ftp://example.ru', 'example.ru', 'https://user:pass@example.ru/']) expect(httpsUrl(bad)).toBeNull();
  });

  it('wants a file, a link or a text', () => {
    expect(checkResult({ url: '', note: ' \n ', hasFile: false })).toEqual({ ok: false, errors: { file: 'Приложите файл, укажите ссылку или напишите текст результата.' } });
    expect(checkResult({ url: '', note: '', hasFile: true })).toEqual({ ok: true, url: null, note: null });
    expect(checkResult({ url: ' https://example.ru/a ', note: 'Макеты\r\nстраниц  ', hasFile: false })).toEqual({ ok: true, url: 'https://example.ru/a', note: 'Макеты\nстраниц' });
    expect(checkResult({ url: 'http://example.ru', note: 'x', hasFile: false })).toMatchObject({ ok: false, errors: { url: expect.stringContaining('https://') } });
  });

  it('refuses an empty or overlong message and keeps line breaks', () => {
    expect(checkMessage('  \n\t ')).toEqual({ ok: false, errors: { body: 'Напишите сообщение: пустое отправить нельзя.' } });
    expect(checkMessage('я'.repeat(4001))).toMatchObject({ ok: false, errors: { body: expect.stringContaining('не длиннее 4000') } });
    expect(checkMessage('\r\nПервая строка\r\n\r\nвторая  \r\n')).toEqual({ ok: true, body: 'Первая строка\n\nвторая' });
  });
});
