import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordLead } from '../../actions/leads/record-lead.js';
import { isTildaTest } from '../../domain/leads/tilda-lead.js';

// POST /integrations/tilda/lead: Tilda's form webhook (docs/tilda.md). Tilda waits 5 seconds for an
// answer, so this only checks the key, validates and records; the managers see the lead in /admin/leads.
// Answers are plain text: Tilda's webhook log shows them to the site owner.

/** The header Tilda is told to send the key in («API-ключ → в заголовке»). */
export const TILDA_KEY_HEADER = 'x-api-key';

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameKey = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

export async function tildaRoutes(app: FastifyInstance) {
  const { deps } = app;
  const answer = (reply: FastifyReply, status: number, text: string) => reply.code(status).type('text/plain; charset=utf-8').send(text);

  app.post<{ Body: unknown }>('/integrations/tilda/lead', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const key = deps.config.TILDA_API_KEY;
    if (!key) return answer(reply, 404, 'Приём заявок из Tilda выключен: задайте TILDA_API_KEY.');
    const given = request.headers[TILDA_KEY_HEADER];
    if (typeof given !== 'string' || !sameKey(given, key)) {
      return answer(reply, 401, `Нет API-ключа или он неверный: Tilda должна передавать его в заголовке ${TILDA_KEY_HEADER}.`);
    }
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return answer(reply, 400, 'Ожидаются поля формы (application/x-www-form-urlencoded или JSON-объект).');
    }
    const fields = body as Record<string, unknown>;
    if (isTildaTest(fields)) return answer(reply, 200, 'ok');
    const result = await recordLead(deps, fields);
    switch (result.kind) {
      case 'recorded':
      case 'duplicate':
        return answer(reply, 200, 'ok');
      case 'invalid':
        return answer(reply, 422, Object.values(result.errors).join(' '));
    }
  });
}
