import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A browser for app.inject: keeps cookies (the session, the CSRF secret) and the last CSRF token a
 * page showed, so tests can click through forms the way a person does.
 */
export interface Visitor {
  get(url: string): Promise<LightMyRequestResponse>;
  /** Posts a form; the CSRF token comes from `from` (a page with the form), fetched first. A list is a field sent once per value (checkboxes). */
  post(url: string, fields: Record<string, string | string[]>, from?: string): Promise<LightMyRequestResponse>;
  /** Posts a multipart form with files (name and bytes), as a browser's file input sends it. */
  upload(url: string, fields: Record<string, string>, files: Record<string, UploadFile>, from?: string): Promise<LightMyRequestResponse>;
  cookie(name: string): string | undefined;
  setCookie(name: string, value: string): void;
}

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/** multipart/form-data as browsers write it: the file name raw in UTF-8 inside the quotes. */
export function multipartBody(fields: Record<string, string>, files: Record<string, UploadFile>): { body: Buffer; contentType: string } {
  const boundary = `----vitest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const quoted = (value: string) => value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"; filename="${quoted(file.name)}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
    parts.push(Buffer.from(head), Buffer.from(file.bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function visitor(app: FastifyInstance, ip = '203.0.113.10'): Visitor {
  const jar = new Map<string, string>();
  let csrfToken = '';
  const headers = () => ({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), 'user-agent': 'vitest visitor' });
  function remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) csrfToken = token;
    return response;
  }
  const self: Visitor = {
    async get(url) {
      return remember(await app.inject({ method: 'GET', url, headers: headers(), remoteAddress: ip }));
    },
    async post(url, fields, from) {
      if (from) await self.get(from);
      const payload = new URLSearchParams(Object.entries({ _csrf: csrfToken, ...fields }).flatMap(([key, value]) => [value].flat().map((one) => [key, one]))).toString();
      return remember(
        await app.inject({
          method: 'POST',
          url,
          headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
          remoteAddress: ip,
          payload,
        }),
      );
    },
    async upload(url, fields, files, from) {
      if (from) await self.get(from);
      const { body, contentType } = multipartBody({ _csrf: csrfToken, ...fields }, files);
      return remember(await app.inject({ method: 'POST', url, headers: { ...headers(), 'content-type': contentType }, remoteAddress: ip, payload: body }));
    },
    cookie: (name) => jar.get(name),
    setCookie: (name, value) => void jar.set(name, value),
  };
  return self;
}
