import type { FastifyInstance } from 'fastify';
import { createCaptchaChallenge } from '../captcha/altcha.js';

export async function captchaRoutes(app: FastifyInstance) {
  const { captcha } = app.deps;
  if (!captcha) return;
  app.get('/captcha/challenge', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (_request, reply) => {
    const challenge = await createCaptchaChallenge(captcha);
    return reply.header('cache-control', 'no-store').send(challenge);
  });
}
