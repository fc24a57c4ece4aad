import { describe, expect, it } from 'vitest';
import { checkImageUpload, imageUrl, imageWidths, parseImageFileName, sniffImageType } from './service-image.js';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(32).fill(0)]);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0);
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const webp = new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')]);

describe('service pictures', () => {
  it('tells the type by the first bytes only', () => {
    expect(sniffImageType(jpeg)).toBe('jpeg');
    expect(sniffImageType(png)).toBe('png');
    expect(sniffImageType(webp)).toBe('webp');
    expect(sniffImageType(new Uint8Array(Buffer.from('GIF89a........')))).toBeNull();
    expect(sniffImageType(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });

  it('requires alt text, a file for a service without a picture, a known type and at most 5 MB', () => {
    expect(checkImageUpload({ bytes: jpeg, alt: '  Команда   за работой ' }, false)).toEqual({ ok: true, alt: 'Команда за работой', type: 'jpeg' });
    expect(checkImageUpload({ bytes: new Uint8Array(), alt: 'Новое описание' }, true)).toEqual({ ok: true, alt: 'Новое описание', type: null });
    const refused = (upload: Parameters<typeof checkImageUpload>[0], hasImage = false) => {
      const result = checkImageUpload(upload, hasImage);
      return result.ok ? {} : result.errors;
    };
    expect(refused({ bytes: jpeg, alt: '' }).alt).toMatch(/^Опишите, что на изображении/);
    expect(refused({ bytes: jpeg, alt: 'а'.repeat(201) }).alt).toBe('Не длиннее 200 символов (сейчас 201).');
    expect(refused({ bytes: new Uint8Array(), alt: 'Текст' }).file).toBe('Выберите файл изображения: JPEG, PNG или WebP.');
    expect(refused({ bytes: new Uint8Array(Buffer.from('hello')), alt: 'Текст' }).file).toMatch(/^Это не изображение JPEG, PNG или WebP/);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(jpeg.subarray(0, 4));
    expect(refused({ bytes: big, alt: 'Текст' }).file).toBe('Файл больше 5 МБ (5,0 МБ): уменьшите его и загрузите снова.');
    expect(Object.keys(refused({ bytes: new Uint8Array(), alt: '' }))).toEqual(['alt', 'file']);
  });

  it('makes the storefront widths up to the original, one for a small one, none below 320 px', () => {
    expect(imageWidths(4000)).toEqual([480, 960, 1440]);
    expect(imageWidths(1440)).toEqual([480, 960, 1440]);
    expect(imageWidths(1000)).toEqual([480, 960]);
    expect(imageWidths(400)).toEqual([400]);
    expect(imageWidths(319)).toBeNull();
  });

  it('names files by hash, width and format, and reads back only such names', () => {
    const hash = '0123456789abcdef0123';
    expect(imageUrl(hash, 960, 'webp')).toBe(`/media/services/${hash}-960.webp`);
    expect(imageUrl(hash, 480, 'jpeg')).toBe(`/media/services/${hash}-480.jpg`);
    expect(parseImageFileName(`${hash}-960.webp`)).toEqual({ hash, width: 960, format: 'webp' });
    expect(parseImageFileName(`${hash}-480.jpg`)).toEqual({ hash, width: 480, format: 'jpeg' });
    for (const bad of [`${hash}-480.jpeg`, `${hash}-480.png`, `${hash.toUpperCase()}-480.jpg`, `../${hash}-480.jpg`, `${hash}-48000.jpg`, `${hash.slice(1)}-480.jpg`]) {
      expect(parseImageFileName(bad)).toBeNull();
    }
  });
});
