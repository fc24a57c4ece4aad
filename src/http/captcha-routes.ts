import type { FastifyInstance } from 'fastify';
import { createCaptchaChallenge, isCaptchaForm } from '../captcha/altcha.js';

/** `/captcha/challenge?form=sign-in` for the sign-in forms; the order form's (the default) otherwise. */
export async function captchaRoutes(app: FastifyInstance) {
  const { captcha } = app.deps;
  if (!captcha) return;
  app.get<{ Querystring: { form?: string } }>('/captcha/challenge', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const form = isCaptchaForm(request.query.form) ? request.query.form : 'order';
    const challenge = await createCaptchaChallenge(captcha, form);
    return reply.header('cache-control', 'no-store').send(challenge);
  });
}
