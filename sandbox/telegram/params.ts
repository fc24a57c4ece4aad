import { badRequest } from './errors.js';

/**
 * A method's parameters, from any of the ways the Bot API accepts them: the query string, an
 * application/x-www-form-urlencoded body, or a JSON body. In the first two every value is a string
 * and objects (reply_markup, allowed_updates…) arrive JSON-serialized, so reading goes through here.
 */
export class Params {
  private readonly values: Record<string, unknown>;

  constructor(query: Record<string, unknown>, body: unknown) {
    const fromBody = typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body && typeof body === 'object' ? body : {};
    this.values = { ...query, ...(fromBody as Record<string, unknown>) };
  }

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }

  /** An Integer parameter; a value that is not one is refused like the API does. */
  int(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`invalid ${name} specified`);
    return Number(raw);
  }

  bool(name: string): boolean {
    const raw = this.string(name);
    return raw === 'true' || raw === '1' || raw === 'True';
  }

  /** A JSON-serialized object or array (already an object in a JSON body). */
  json(name: string): unknown {
    const value = this.values[name];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }
}
