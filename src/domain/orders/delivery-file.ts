// What an order's file (a result, a message's attachment) may be (docs/delivery.md, decision 036).
// A file is accepted only when its extension is on the list AND its first bytes are of that type:
// a page renamed to .pdf, or an .html/.svg under any name, never gets in. Downloads are attachments
// with this list's content type, so even an accepted file is never shown by the browser as a page.

export type DeliveryFileKind = 'pdf' | 'png' | 'jpeg' | 'webp' | 'zip' | 'docx' | 'xlsx' | 'txt';

/** The extensions taken, each with the type its bytes must show. */
const kindOfExtension: Record<string, DeliveryFileKind> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  zip: 'zip',
  docx: 'docx',
  xlsx: 'xlsx',
  txt: 'txt',
};

export const contentTypes: Record<DeliveryFileKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain; charset=utf-8',
};

export const ALLOWED_EXTENSIONS_TEXT = 'PDF, PNG, JPG, WebP, ZIP, DOCX, XLSX или TXT';
/** For the file input's `accept`: the picker offers these; the server checks anyway. */
export const ACCEPTED_EXTENSIONS = Object.keys(kindOfExtension)
  .map((extension) => `.${extension}`)
  .join(',');

export interface UploadedFile {
  /** The name the browser sent (it may carry a folder: «C:\fakepath\…»). */
  name: string;
  bytes: Uint8Array;
}

export interface CheckedFile {
  fileName: string;
  kind: DeliveryFileKind;
  contentType: string;
}

export type FileCheck = { ok: true; file: CheckedFile } | { ok: false; error: string };

const MAX_NAME_LENGTH = 200;

/**
 * The name to keep and to offer on download: the last part of what the browser sent, in NFC, without
 * control characters or quotes, at most 200 characters with its extension kept.
 */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** Whether the bytes contain this ASCII text (a zip's entry names are stored uncompressed). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

/** Whether the bytes are of this kind, by their signature (Office files: a zip with their parts). */
export function bytesAreOfKind(bytes: Uint8Array, kind: DeliveryFileKind): boolean {
  const starts = (...signature: number[]) => bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
  const zip = starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06);
  switch (kind) {
    case 'pdf':
      return ascii(bytes, 0, 5) === '%PDF-';
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'webp':
      return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP';
    case 'zip':
      return zip;
    case 'docx':
      return zip && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, 'word/');
    case 'xlsx':
      return zip && containsAscii(bytes, '[Content_Types].xml') && containsAscii(bytes, 'xl/');
    case 'txt':
      return isPlainText(bytes);
  }
}

/** UTF-8 text with no control characters but tabs and line breaks, and not a web page in disguise. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !/^\s*<(!doctype|html|svg|\?xml|script)/i.test(text.replace(/^\uFEFF/, ''));
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

/** Checks an uploaded file before it is stored: name, size, extension, and bytes matching the extension. */
export function checkDeliveryFile(file: UploadedFile, maxBytes: number): FileCheck {
  const fileName = cleanFileName(file.name);
  if (file.bytes.length === 0) return { ok: false, error: 'Файл пустой: выберите файл с содержимым.' };
  if (file.bytes.length > maxBytes) {
    return { ok: false, error: `Файл больше ${Math.round(maxBytes / 1024 / 1024)} МБ (${megabytes(file.bytes.length)} МБ): уменьшите его или разделите на части.` };
  }
  if (fileName === '' || fileName.startsWith('.')) return { ok: false, error: 'У файла нет имени: переименуйте его и загрузите снова.' };
  const kind = kindOfExtension[extensionOf(fileName)];
  if (!kind) return { ok: false, error: `Такие файлы не принимаются. Можно загрузить ${ALLOWED_EXTENSIONS_TEXT}.` };
  if (!bytesAreOfKind(file.bytes, kind)) {
    return { ok: false, error: `Содержимое файла не похоже на ${extensionOf(fileName).toUpperCase()}: файл повреждён или переименован. Сохраните его в нужном формате.` };
  }
  return { ok: true, file: { fileName, kind, contentType: contentTypes[kind] } };
}

/** A file's size for people: «820 байт», «340 КБ», «1,2 МБ». */
export function fileSizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} байт`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} КБ`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;
}
