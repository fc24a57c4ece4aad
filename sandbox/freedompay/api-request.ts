import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Field, type Fields, fieldsFromPairs, fieldsFromQuery } from './fields.js';
import type { GatewayError } from './errors.js';
import { signed } from './signature.js';
import { buildXml, parseXml } from './xml.js';

/**
 * Reading a Merchant API request into ordered fields, whatever the transport
 * (docs/freedompay-protocol.md#requests): GET query, urlencoded or multipart form, a `pg_xml` field, a raw XML
 * body, or JSON (used by some integrators, docs/freedompay-protocol.md#endpoints). Bodies arrive raw (see
 * app.ts) so the field order survives.
 */
export async function requestFields(request: FastifyRequest): Promise<Fields | undefined> {
  const body: unknown = request.body;
  const contentType = String(request.headers['content-type'] ?? '');
  let fields: Fields;
  if (request.method === 'GET' || body === undefined || body === null || body === '') {
    const at = request.url.indexOf('?');
    fields = fieldsFromQuery(at < 0 ? '' : request.url.slice(at + 1));
  } else if (Buffer.isBuffer(body)) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData().catch(() => undefined);
    if (!form) return undefined;
    const pairs: [string, string][] = [];
    form.forEach((value, key) => {
      if (typeof value === 'string') pairs.push([key, value]);
    });
    fields = fieldsFromPairs(pairs);
  } else if (typeof body === 'string' && /xml/i.test(contentType)) {
    return xmlRequest(body);
  } else if (typeof body === 'string') {
    fields = fieldsFromQuery(body);
  } else if (typeof body === 'object') {
    fields = fromJson(body as Record<string, unknown>);
  } else return undefined;

  const xml = fields.find(([name]) => name === 'pg_xml')?.[1];
  return typeof xml === 'string' ? xmlRequest(xml) : fields;
}

function xmlRequest(xml: string): Fields | undefined {
  const parsed = parseXml(xml.trim());
  return parsed && parsed.root === 'request' ? parsed.fields : undefined;
}

function fromJson(object: Record<string, unknown>): Fields {
  const out: Field[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) out.push([key, fromJson(Object.fromEntries(value.map((item, index) => [String(index), item])))]);
    else if (typeof value === 'object') out.push([key, fromJson(value as Record<string, unknown>)]);
    else out.push([key, String(value)]);
  }
  return out;
}

function sendXml(reply: FastifyReply, fields: Fields): FastifyReply {
  return reply.code(200).type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(buildXml('response', fields));
}

/** Business errors are HTTP 200 with pg_status=error (docs/freedompay-protocol.md#answers). */
export function sendSigned(reply: FastifyReply, script: string, secret: string, fields: Fields, corrupt: boolean): FastifyReply {
  return sendXml(reply, signed(script, fields, secret, { corrupt }));
}

export function errorFields(error: GatewayError): Fields {
  return [
    ['pg_status', 'error'],
    ['pg_error_code', error.code],
    ['pg_error_description', error.description],
  ];
}

/** The only unsigned answer: the merchant could not be identified, so there is no key to sign with. */
export function sendUnsignedError(reply: FastifyReply, error: GatewayError): FastifyReply {
  return sendXml(reply, errorFields(error));
}
