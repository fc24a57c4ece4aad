import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, staffRoles, type StaffRole } from '../../src/domain/staff/staff-access.js';
import { signedInClient } from '../helpers/accounts.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

// Deny by default, checked on every back-office route: the route list comes from the app itself, so
// a new route is walked without anyone remembering to add it here.

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:year\b/g, '2026').replace(/:[A-Za-z]+/g, SOME_ID);

describe.each(backends)('every /admin route on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let routes: { method: string; url: string; access: string }[];
  const browsers = new Map<StaffRole | 'anonymous' | 'client', Visitor>();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { captcha: false, env: { SMTP_URL: smtp.url } });
    routes = t.app.staffRoutes.filter((r) => r.method === 'GET' || r.method === 'POST');
    browsers.set('anonymous', visitor(t.app));
    browsers.set('client', (await signedInClient(t, smtp.received, { email: 'walker@example.ru' })).browser);
    for (const role of staffRoles) browsers.set(role, (await staffBrowser(t, role)).browser);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const request = (who: Visitor, method: string, url: string) => (method === 'GET' ? who.get(url) : who.post(url, {}, '/admin/login'));

  it('has routes of every kind to walk', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.access === 'public').map((r) => r.url)).toEqual(
      expect.arrayContaining(['/admin/login', '/admin/login/code', '/admin/setup', '/admin/invite', '/admin/enrol', '/admin/logout']),
    );
  });

  it('sends anonymous visitors and signed-in clients to the staff sign-in', async () => {
    for (const who of ['anonymous', 'client'] as const) {
      for (const { method, url, access } of routes) {
        if (access === 'public') continue;
        const response = await request(browsers.get(who)!, method, concrete(url));
        expect({ who, method, url, status: response.statusCode, location: response.headers.location }).toEqual({
          who,
          method,
          url,
          status: 303,
          location: '/admin/login',
        });
      }
    }
  });

  it('lets each role into exactly the routes its permissions name', async () => {
    for (const role of staffRoles) {
      for (const { method, url, access } of routes) {
        if (access === 'public') continue;
        const response = await request(browsers.get(role)!, method, concrete(url));
        const allowed = allows(role, access as Parameters<typeof allows>[1]);
        const outcome = { role, method, url, denied: response.statusCode === 403, toLogin: response.headers.location === '/admin/login' };
        expect(outcome).toEqual({ role, method, url, denied: !allowed, toLogin: false });
      }
    }
  });
});
