import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { imageWidths, RESIZE_VERSION, type ImageFormat } from '../domain/catalog/service-image.js';

export interface ResizedImage {
  hash: string;
  widths: number[];
  /** The largest file's size in pixels. */
  width: number;
  height: number;
  files: { width: number; format: ImageFormat; bytes: Buffer }[];
}

export type ResizeResult = { kind: 'resized'; image: ResizedImage } | { kind: 'too_small' } | { kind: 'unreadable' };

/** Above this many pixels sharp refuses to decode: a "decompression bomb" costs no memory. */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Makes the storefront's files of an uploaded picture with sharp: each width in IMAGE_WIDTHS up to
 * the original's, in WebP and JPEG, turned upright by its EXIF orientation and stripped of metadata
 * (no camera model or GPS position is published). The hash names the files for long caching.
 */
export async function resizeServiceImage(bytes: Uint8Array): Promise<ResizeResult> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    // EXIF orientations 5–8 are turned a quarter: the picture's width is the stored height.
    const originalWidth = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
    const widths = imageWidths(originalWidth);
    if (!widths) return { kind: 'too_small' };
    const files: ResizedImage['files'] = [];
    let height = 0;
    for (const width of widths) {
      const resized = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize({ width, withoutEnlargement: true }).flatten({ background: '#ffffff' });
      const webp = await resized.clone().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const jpeg = await resized.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer();
      files.push({ width, format: 'webp', bytes: webp.data }, { width, format: 'jpeg', bytes: jpeg });
      height = webp.info.height;
    }
    const hash = createHash('sha256').update(RESIZE_VERSION).update(bytes).digest('hex').slice(0, 20);
    return { kind: 'resized', image: { hash, widths, width: widths.at(-1)!, height, files } };
  } catch {
    // Not decodable, truncated, or over the pixel limit.
    return { kind: 'unreadable' };
  }
}
