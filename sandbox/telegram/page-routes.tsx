import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { PeopleActions } from './control-routes.js';
import type { SandboxState } from './state.js';
import { type PageProps, SandboxPage } from './views/page.js';
import { PAGE_CSS } from './views/style.js';

const DEFAULT_FORM = { userId: '100000001', firstName: 'Менеджер', username: '', text: '/start ' };

function pageHeaders(reply: FastifyReply): void {
  reply.headers({
    'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
}

/** Checks the "write as" form; an error is a sentence for the person. */
function readForm(body: URLSearchParams): { ok: true; userId: number; firstName: string; username?: string; text: string } | { ok: false; error: string } {
  const userId = (body.get('userId') ?? '').trim();
  const firstName = (body.get('firstName') ?? '').trim();
  const username = (body.get('username') ?? '').trim().replace(/^@/, '');
  const text = (body.get('text') ?? '').trim();
  if (!/^[1-9][0-9]{0,14}$/.test(userId)) return { ok: false, error: 'Telegram id — это положительное целое число, например 100000001.' };
  if (firstName === '' || firstName.length > 64) return { ok: false, error: 'Укажите имя (до 64 символов).' };
  if (username !== '' && !/^[A-Za-z0-9_]{5,32}$/.test(username)) return { ok: false, error: 'Имя пользователя: 5–32 латинские буквы, цифры или «_».' };
  if (text === '' || text.length > 4096) return { ok: false, error: 'Напишите сообщение (до 4096 символов).' };
  return { ok: true, userId: Number(userId), firstName, ...(username ? { username } : {}), text };
}

/** GET / — the page people use during `npm start`; works without JavaScript. */
export async function pageRoutes(app: FastifyInstance, options: { state: SandboxState; people: PeopleActions }): Promise<void> {
  const { state, people } = options;

  const page = (request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<PageProps> = {}) => {
    const props: PageProps = {
      botUsername: state.bot.username ?? '',
      apiUrl: `${request.protocol}://${request.host}`,
      webhookUrl: state.webhook?.url ?? null,
      pendingUpdates: state.updates.length,
      faults: state.faults,
      people: [...state.people.values()],
      timeZone: 'Europe/Moscow',
      form: DEFAULT_FORM,
      ...extra,
    };
    pageHeaders(reply);
    return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html>${renderToString(<SandboxPage {...props} />)}`);
  };

  app.get<{ Querystring: { start?: string } }>('/', async (request, reply) => {
    // /?start=CODE stands in for a t.me/<bot>?start=CODE link: the form comes filled in.
    const start = request.query.start;
    const form = typeof start === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(start) ? { ...DEFAULT_FORM, text: `/start ${start}` } : DEFAULT_FORM;
    return page(request, reply, 200, { form });
  });

  app.post('/write', async (request, reply) => {
    const body = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const form = readForm(body);
    if (!form.ok) {
      const values = { userId: body.get('userId') ?? '', firstName: body.get('firstName') ?? '', username: body.get('username') ?? '', text: body.get('text') ?? '' };
      return page(request, reply, 400, { error: form.error, form: values });
    }
    people.userWrites({ id: form.userId, firstName: form.firstName, ...(form.username ? { username: form.username } : {}) }, form.text);
    return reply.code(303).header('location', `/#chat-${form.userId}`).send();
  });

  app.post<{ Params: { id: string; action: string } }>('/people/:id/:action', async (request, reply) => {
    const id = Number(request.params.id);
    const action = request.params.action;
    if (!state.people.has(id) || (action !== 'block' && action !== 'unblock')) return page(request, reply, 404, { error: 'Такого собеседника нет.' });
    if (action === 'block') people.blockBot(id);
    else people.unblockBot(id);
    return reply.code(303).header('location', `/#chat-${id}`).send();
  });

  app.get('/sandbox.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff').send(PAGE_CSS),
  );
  // Browsers ask for it on every page; a 204 keeps the log free of 404s.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
}
