import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CaptchaForm } from '../../src/captcha/altcha.js';

/** A browser's view of the order form: the CSRF cookie and token from a real GET. */
export interface FormSession {
  cookie: string;
  csrfToken: string;
}

export async function openOrderForm(app: FastifyInstance, slug: string): Promise<FormSession> {
  const page = await app.inject({ method: 'GET', url: `/services/${slug}` });
  if (page.statusCode !== 200) throw new Error(`GET /services/${slug} answered ${page.statusCode}`);
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  if (!csrfToken || !cookie) throw new Error('The order form has no CSRF token or cookie');
  return { cookie, csrfToken };
}

/** Fetches a challenge for a form and solves it, as the widget does in the browser. */
export async function solveCaptcha(app: FastifyInstance, form: CaptchaForm = 'order'): Promise<string> {
  const response = await app.inject({ method: 'GET', url: `/captcha/challenge?form=${form}` });
  const challenge = response.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export const validOrder = {
  name: 'Иван Петров',
  email: 'ivan@example.ru',
  phone: '+7 (912) 345-67-89',
  comment: 'Позвоните после обеда',
  accept_offer: 'on',
  consent_pd: 'on',
};

export interface SubmitOptions {
  session?: FormSession;
  remoteAddress?: string;
  userAgent?: string;
  /** A raw body instead of encoding `fields`. */
  rawBody?: string;
}

export async function submitOrder(
  app: FastifyInstance,
  slug: string,
  fields: Record<string, string | undefined>,
  options: SubmitOptions = {},
): Promise<LightMyRequestResponse> {
  const session = options.session ?? (await openOrderForm(app, slug));
  const body = new URLSearchParams();
  body.set('_csrf', session.csrfToken);
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.set(key, value);
  return app.inject({
    method: 'POST',
    url: `/services/${slug}/order`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: session.cookie,
      'user-agent': options.userAgent ?? 'vitest',
    },
    remoteAddress: options.remoteAddress ?? '198.51.100.7',
    payload: options.rawBody ?? body.toString(),
  });
}
