import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UploadedFile } from '../domain/orders/delivery-file.js';

// multipart/form-data for the order's files (results, message attachments; docs/delivery.md). The
// body is read only after the route's onRequest hook let the person in (the session check runs
// before parsing), and never past the route's bodyLimit: Fastify stops reading there with a 413.

const FILES = Symbol('files');
/** What a multipart form sent: text fields, and files with the name the browser gave (under a symbol: no field name can reach them). */
export type MultipartBody = Record<string, unknown> & { [FILES]?: Record<string, UploadedFile> };

/**
 * Room for the largest file and the form around it. A file a little over the limit still arrives
 * whole, so the form can say how large it was; one far larger is cut off with 413.
 */
export const uploadBodyLimit = (maxFileBytes: number) => maxFileBytes + 256 * 1024;

/** Registers the parser in this plugin's scope (Fastify keeps content type parsers per plugin). */
export function acceptMultipart(app: FastifyInstance, bodyLimit: number): void {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, parseMultipart);
}

/** The platform's own parser (the fetch API's FormData). A body that is not valid multipart is a 400. */
async function parseMultipart(request: FastifyRequest, body: Buffer): Promise<MultipartBody> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
  } catch {
    throw Object.assign(new Error('The form is not valid multipart/form-data'), { statusCode: 400 });
  }
  const fields: MultipartBody = {};
  const files: Record<string, UploadedFile> = {};
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    // A file input left empty is sent as a nameless, empty part: no file.
    else if (value.size > 0 || value.name !== '') files[name] = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  fields[FILES] = files;
  return fields;
}

/** The file sent in this field, if any. */
export function uploadedFile(body: unknown, field = 'file'): UploadedFile | null {
  if (typeof body !== 'object' || body === null) return null;
  return (body as MultipartBody)[FILES]?.[field] ?? null;
}
