import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Per-IP request limits for the routes that opt in with `config.rateLimit`. With REDIS_URL the
 * counters are shared by every instance; otherwise each process counts on its own.
 */
export const rateLimits = fp(async (app: FastifyInstance, options: { redisUrl: string | undefined }) => {
  // ioredis is loaded only when there is a Redis to talk to (decision 027).
  const redis = options.redisUrl
    ? new (await import('ioredis')).Redis(options.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false })
    : null;
  if (redis) app.addHook('onClose', async () => void (await redis.quit()));
  await app.register(rateLimit, {
    global: false,
    redis,
    skipOnError: true, // Redis trouble must not take the shop down
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
});
