import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('error pages', () => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    // A second app on the same deps, with routes that fail the way real code can.
    app = await buildApp(t.deps);
    app.get('/boom', async () => {
      throw new Error('password=hunter2 at /srv/uslugi/src/secret.ts:42');
    });
    app.get('/db-down', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers an unexpected error with a Russian 500 page that reveals nothing internal', async () => {
    const response = await app.inject('/boom');
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Что-то пошло не так');
    expect(response.body).not.toMatch(/hunter2|secret\.ts|Error/);
  });

  it('answers a lost database connection with a 503 "try again" page', async () => {
    const response = await app.inject('/db-down');
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('Попробуйте ещё раз через минуту');
    expect(response.body).not.toContain('5432');
  });

  it('refuses GET on the order route with a Russian page', async () => {
    const response = await app.inject('/services/landing-page/order');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Страница не найдена');
  });
});
