import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackWorld, concrete, type AttackWorld } from '../helpers/attack-world.js';
import { backends } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

// Addresses no browser makes: a NUL byte in a path parameter (PostgreSQL refuses NUL in text, so it
// must never reach a query) and percent escapes that decode to nothing. Every route with a parameter,
// as a visitor, a client and an admin: the normal Russian 404/400 pages with every security header,
// never a 500 and never Fastify's bare JSON.

function headerProblems(response: LightMyRequestResponse): string[] {
  const h = response.headers;
  const csp = String(h['content-security-policy'] ?? '');
  return [
    h['x-content-type-options'] === 'nosniff' ? '' : 'no X-Content-Type-Options',
    h['x-frame-options'] === 'DENY' ? '' : 'no X-Frame-Options',
    h['cross-origin-opener-policy'] === 'same-origin' ? '' : 'no Cross-Origin-Opener-Policy',
    String(h['permissions-policy'] ?? '').includes('camera=()') ? '' : 'no Permissions-Policy',
    csp.includes("frame-ancestors 'none'") && csp.includes("default-src 'self'") ? '' : `CSP ${csp}`,
    String(h['content-type'] ?? '').startsWith('text/html') ? '' : `content-type ${h['content-type']}`,
  ].filter(Boolean);
}

describe.each(backends)('error edges on %s', (backend) => {
  let world: AttackWorld;
  const who = new Map<string, Visitor>();
  beforeAll(async () => {
    world = await attackWorld(backend);
    who.set('anonymous', visitor(world.t.app, '203.0.113.211'));
    who.set('client', world.client.browser);
    who.set('admin', world.admin.browser);
  });
  afterAll(() => world.close());

  it('answers the 404 page for a NUL byte in a path parameter', async () => {
    for (const url of ['/orders/%00abc', '/services/a%00', '/services/%00', '/legal/a%00b']) {
      const response = await who.get('anonymous')!.get(url);
      expect({ url, status: response.statusCode, problems: headerProblems(response) }).toEqual({ url, status: 404, problems: [] });
      expect(response.body).toContain('Страница не найдена');
    }
  });

  it('never fails on a NUL byte in any parameter of any page, for anyone', async () => {
    const patterns = world.t.app.routeList.filter((r) => r.method === 'GET' && r.url.includes(':')).map((r) => r.url);
    expect(patterns.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const [name, browser] of who) {
      for (const pattern of patterns) {
        for (const poison of ['%00', 'a%00b']) {
          const url = concrete(pattern.replace(/:(\w+)/g, `:$1${poison}`), world.ids);
          const response = await browser.get(url);
          const at = `${name} GET ${url} (${response.statusCode})`;
          if (response.statusCode >= 500) problems.push(`${at}: server error`);
          if (![301, 302, 303].includes(response.statusCode)) for (const problem of headerProblems(response)) problems.push(`${at}: ${problem}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers the 400 page for a NUL byte in the query of any page', async () => {
    const query = '?q=a%00&page=%00&status=%00&address=%00&token=a%00&done=%00&saved=%00&operation=%00&requested=%00&queued=%00';
    const pages = world.t.app.routeList.filter((r) => r.method === 'GET').map((r) => concrete(r.url, world.ids));
    const problems: string[] = [];
    for (const url of pages) {
      const response = await world.admin.browser.get(url + query);
      if (response.statusCode !== 400) problems.push(`GET ${url}: ${response.statusCode}`);
      for (const problem of headerProblems(response)) problems.push(`GET ${url}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers the 400 page with every security header for a malformed percent escape', async () => {
    for (const url of ['/%E0%A4%A', '/services/%E0%A4%A', '/orders/%zz', '/admin/orders/%C0', '/static/%E0%A4%A', '/services/x%']) {
      for (const [name, browser] of who) {
        const response = await browser.get(url);
        expect({ name, url, status: response.statusCode, problems: headerProblems(response) }).toEqual({ name, url, status: 400, problems: [] });
        expect(response.body).toContain('<!doctype html>');
        expect(response.body).not.toContain('FST_ERR_BAD_URL');
      }
    }
    const posted = await world.t.app.inject({ method: 'POST', url: '/services/%E0%A4%A/order', payload: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect({ status: posted.statusCode, problems: headerProblems(posted) }).toEqual({ status: 400, problems: [] });
  });
});
