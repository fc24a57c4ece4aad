import http from 'node:http';

/**
 * A client without a browser engine: plain HTTP from its own loopback address, a cookie jar, and the
 * last CSRF token a page showed, so it can fill in forms the way a person does. Redirects are not
 * followed: the journey checks each one.
 */
export interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

// Idle connections are closed after 10 s, before the proxy's 30 s keep-alive does it under a request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 8, timeout: 10_000 });

export class Browser {
  private readonly jar = new Map<string, string>();
  private csrfToken = '';

  constructor(
    readonly ip: string,
    private readonly userAgent = 'bench-load (node:http)',
  ) {}

  get(url: string): Promise<Answer> {
    return this.send('GET', url);
  }

  /** Posts a form with the CSRF token of the last page seen (`from` is fetched first when given). */
  async post(url: string, fields: Record<string, string>, from?: string): Promise<Answer> {
    if (from) await this.expect(await this.get(from), 200, `GET ${from}`);
    return this.form(url, { _csrf: this.csrfToken, ...fields });
  }

  /** Posts exactly these fields (a form of another site: the gateway's card page). */
  form(url: string, fields: Record<string, string>): Promise<Answer> {
    return this.send('POST', url, new URLSearchParams(fields).toString());
  }

  /** Throws unless the answer has this status. */
  expect(answer: Answer, status: number, what: string): Answer {
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} instead of ${status} ${answer.location ?? ''} ${textOf(answer.body)}`);
    return answer;
  }

  private send(method: 'GET' | 'POST', url: string, body?: string): Promise<Answer> {
    const target = new URL(url);
    const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: 'text/html' };
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method, headers, localAddress: this.ip, agent, timeout: 120_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            for (const line of response.headers['set-cookie'] ?? []) this.remember(line);
            const text = Buffer.concat(chunks).toString('utf8');
            const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
            if (token) this.csrfToken = token;
            const location = response.headers.location;
            resolve({ status: response.statusCode ?? 0, location: location ? new URL(location, target).toString() : undefined, body: text });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${method} ${target.pathname}: no answer in 120 s`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  private remember(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split('=')[1]!) < Date.now()));
    if (value === '' || expired) this.jar.delete(name);
    else this.jar.set(name, value);
  }
}

/** The readable text of a page, shortened, for error messages. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
