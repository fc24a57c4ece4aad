import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/**
 * A visitor without a browser engine over real HTTP(S): its own loopback address, a cookie jar, the
 * last CSRF token a page showed, and the test certificate to trust. Redirects are not followed.
 */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  location: string | undefined;
  body: string;
}

export class HttpsVisitor {
  private readonly jar = new Map<string, string>();
  csrfToken = '';

  constructor(
    readonly ip: string,
    private readonly ca: Buffer,
  ) {}

  get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send('GET', url, undefined, headers);
  }

  /** Posts a form with the CSRF token of the last page seen. */
  post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send('POST', url, new URLSearchParams({ _csrf: this.csrfToken, ...fields }).toString(), headers);
  }

  /** Posts exactly these fields (a form of another site: the gateway's card page). */
  form(url: string, fields: Record<string, string>): Promise<Answer> {
    return this.send('POST', url, new URLSearchParams(fields).toString());
  }

  private send(method: string, url: string, body?: string, extra: Record<string, string> = {}): Promise<Answer> {
    const target = new URL(url);
    const headers: Record<string, string> = { 'user-agent': 'vitest proxy test', accept: 'text/html', ...extra };
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send(target, { method, headers, localAddress: this.ip, ca: this.ca, agent: false, servername: target.hostname }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          for (const line of response.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const equals = pair.indexOf('=');
            this.jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
          if (token) this.csrfToken = token;
          const location = response.headers.location;
          resolve({ status: response.statusCode ?? 0, headers: response.headers, location: location ? new URL(location, target).toString() : undefined, body: text });
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}
