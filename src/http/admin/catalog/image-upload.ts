import type { FastifyRequest } from 'fastify';
import { IMAGE_LIMITS, type ImageUpload } from '../../../domain/catalog/service-image.js';

/**
 * Room for a 5 MB picture and the form around it; a larger file is still read whole (up to this
 * limit) so the form can say how large it was, and anything beyond is refused with 413.
 */
export const UPLOAD_BODY_LIMIT = 2 * IMAGE_LIMITS.maxBytes + 64 * 1024;

/**
 * multipart/form-data through the platform's own parser (the fetch API's FormData): fields as
 * strings, files as their bytes. A body that is not valid multipart is a 400, not a crash.
 */
export async function parseMultipart(request: FastifyRequest, body: Buffer): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
  } catch {
    throw Object.assign(new Error('The form is not valid multipart/form-data'), { statusCode: 400 });
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) fields[name] = typeof value === 'string' ? value : new Uint8Array(await value.arrayBuffer());
  return fields;
}

/** What the picture's form sent, whatever the body held. */
export function uploadOf(body: Record<string, unknown>): ImageUpload {
  return {
    bytes: body.file instanceof Uint8Array ? body.file : new Uint8Array(),
    alt: typeof body.alt === 'string' ? body.alt.slice(0, 1000) : '',
  };
}
