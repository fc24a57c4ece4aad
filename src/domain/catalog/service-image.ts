// A service's picture: what an upload must be, which sizes are made, and the files' addresses.
// The type is decided from the file's first bytes, never from its name or the browser's word.

export type ImageType = 'jpeg' | 'png' | 'webp';
export type ImageFormat = 'webp' | 'jpeg';

export const IMAGE_LIMITS = { maxBytes: 5 * 1024 * 1024, minWidth: 320, altLength: 200 };
/** The widths made for srcset (CSS pixels × density of the storefront's layouts); none larger than the original. */
export const IMAGE_WIDTHS = [480, 960, 1440] as const;
/** Part of the content hash: a change to how files are made gives them new addresses. */
export const RESIZE_VERSION = 'v1 webp80 jpeg82';

export interface ImageUpload {
  /** The uploaded bytes; empty when the form was sent without a file. */
  bytes: Uint8Array;
  alt: string;
}

export type ImageUploadErrors = Partial<Record<'file' | 'alt', string>>;

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/**
 * Checks an upload before any decoding: the alt text (required: the picture must say something to a
 * screen reader), the size and the type. `hasImage`: the service already has a picture, so a form
 * without a file only changes its alt text.
 */
export function checkImageUpload(upload: ImageUpload, hasImage: boolean): { ok: true; alt: string; type: ImageType | null } | { ok: false; errors: ImageUploadErrors } {
  const errors: ImageUploadErrors = {};
  const alt = upload.alt.replace(/\s+/g, ' ').trim();
  if (alt === '') errors.alt = 'Опишите, что на изображении: этот текст прочитают незрячим посетителям и покажут, если картинка не загрузится.';
  else if (alt.length > IMAGE_LIMITS.altLength) errors.alt = `Не длиннее ${IMAGE_LIMITS.altLength} символов (сейчас ${alt.length}).`;
  let type: ImageType | null = null;
  if (upload.bytes.length === 0) {
    if (!hasImage) errors.file = 'Выберите файл изображения: JPEG, PNG или WebP.';
  } else if (upload.bytes.length > IMAGE_LIMITS.maxBytes) {
    errors.file = `Файл больше 5 МБ (${(upload.bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} МБ): уменьшите его и загрузите снова.`;
  } else {
    type = sniffImageType(upload.bytes);
    if (!type) errors.file = 'Это не изображение JPEG, PNG или WebP. Сохраните картинку в одном из этих форматов.';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, alt, type };
}

/** The widths to make from an original this wide, or null when it is too small to look sharp. */
export function imageWidths(originalWidth: number): number[] | null {
  if (originalWidth < IMAGE_LIMITS.minWidth) return null;
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w <= originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

export const TOO_SMALL = `Изображение слишком маленькое: нужно не меньше ${IMAGE_LIMITS.minWidth} пикселей в ширину.`;
export const UNREADABLE = 'Не удалось прочитать изображение: файл повреждён или в нём не картинка. Сохраните его заново и загрузите.';

const extension: Record<ImageFormat, string> = { webp: 'webp', jpeg: 'jpg' };

export function imageUrl(hash: string, width: number, format: ImageFormat): string {
  return `/media/services/${hash}-${width}.${extension[format]}`;
}

/** The file an address names, or null for any other address. */
export function parseImageFileName(name: string): { hash: string; width: number; format: ImageFormat } | null {
  const match = /^([0-9a-f]{20})-(\d{2,4})\.(webp|jpg)$/.exec(name);
  if (!match) return null;
  return { hash: match[1]!, width: Number(match[2]), format: match[3] === 'jpg' ? 'jpeg' : 'webp' };
}
