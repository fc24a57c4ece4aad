import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordLead } from '../../actions/leads/record-lead.js';
import { isTildaTest } from '../../domain/leads/tilda-lead.js';

// POST /integrations/tilda/lead: Tilda's form webhook (docs/tilda.md). Tilda waits 5 seconds for an
// answer, so this only checks the key, validates and records (the lead, its alerts and its deadline's
// job as rows of one transaction: nothing is sent from here); the managers see it in /admin/leads.
// Answers are plain text: Tilda's webhook log shows them to the site owner.

/** The name Tilda is told to send the key under: a header (preferred), or a field of the form's body. */
export const TILDA_KEY_HEADER = 'x-api-key';

/** The key from the header, else from a body field of the same name (any case): Tilda offers both. Never from the URL. */
function givenKey(header: unknown, fields: Record<string, unknown>): string | undefined {
  if (typeof header === 'string') return header;
  const field = Object.keys(fields).find((name) => name.toLowerCase() === TILDA_KEY_HEADER);
  const value = field === undefined ? undefined : fields[field];
  return typeof value === 'string' ? value : undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameKey = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

export async function tildaRoutes(app: FastifyInstance) {
  const { deps } = app;
  const answer = (reply: FastifyReply, status: number, text: string) => reply.code(status).type('text/plain; charset=utf-8').send(text);

  app.post<{ Body: unknown }>('/integrations/tilda/lead', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const key = deps.config.TILDA_API_KEY;
    if (!key) return answer(reply, 404, 'Приём заявок из Tilda выключен: задайте TILDA_API_KEY.');
    const body = request.body;
    const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const given = givenKey(request.headers[TILDA_KEY_HEADER], fields);
    if (given === undefined || !sameKey(given, key)) {
      return answer(reply, 401, 'Нет API-ключа или он неверный: Tilda должна передавать его в заголовке X-Api-Key (или полем X-Api-Key в теле запроса).');
    }
    if (fields !== body) return answer(reply, 400, 'Ожидаются поля формы (application/x-www-form-urlencoded или JSON-объект).');
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
