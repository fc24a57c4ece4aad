import type { FastifyInstance } from 'fastify';
import { createCaptchaChallenge } from '../captcha/altcha.js';

export async function captchaRoutes(app: FastifyInstance) {
  const { captcha, clock } = app.deps;
  if (!captcha) return;
  app.get('/captcha/challenge', async (_request, reply) => {
    const challenge = await createCaptchaChallenge(captcha, clock.now());
    return reply.header('cache-control', 'no-store').send(challenge);
  });
}
