import type { FastifyRequest } from 'fastify';

/** The statement form's fields: the file's bytes and name (the upload's page shows the name). */
export interface StatementUpload {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * multipart/form-data through the platform's own parser, as the catalog's picture form does; a file
 * keeps its name here. A body that is not valid multipart is a 400, not a crash.
 */
export async function parseStatementForm(request: FastifyRequest, body: Buffer): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
  } catch {
    throw Object.assign(new Error('The form is not valid multipart/form-data'), { statusCode: 400 });
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) {
    fields[name] = typeof value === 'string' ? value : ({ bytes: new Uint8Array(await value.arrayBuffer()), fileName: value.name } satisfies StatementUpload);
  }
  return fields;
}

export function statementOf(body: Record<string, unknown>): StatementUpload {
  const file = body.statement;
  if (typeof file === 'object' && file !== null && 'bytes' in file && file.bytes instanceof Uint8Array) {
    return { bytes: file.bytes, fileName: 'fileName' in file && typeof file.fileName === 'string' ? file.fileName : '' };
  }
  return { bytes: new Uint8Array(), fileName: '' };
}
