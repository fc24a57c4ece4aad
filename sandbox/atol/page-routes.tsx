import type { FastifyInstance, FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { SandboxContext } from './context.js';
import { progress } from './progress.js';
import { viewOf } from './store.js';
import { ReceiptsPage } from './views/receipts-page.js';
import { PAGE_CSS } from './views/style.js';

/** The receipts page for people: server-rendered, no script, every text escaped by preact. */
function send(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  reply.headers({
    'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html>${renderToString(page)}`);
}

export async function pageRoutes(app: FastifyInstance, options: { ctx: SandboxContext }): Promise<void> {
  const { ctx } = options;
  const companyName = (groupCode: string) => ctx.groups.get(groupCode)?.companyName ?? groupCode;

  app.get('/sandbox.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PAGE_CSS));
  // Browsers ask for it on every page; a 204 keeps the log free of 404s.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());

  const list = async (_request: unknown, reply: FastifyReply) => {
    progress(ctx);
    const receipts = ctx.store.all().map(viewOf).reverse();
    return send(reply, <ReceiptsPage receipts={receipts} companyName={companyName} title="Чеки песочницы АТОЛ Онлайн" />);
  };
  app.get('/', list);
  app.get('/receipts', list);

  app.get<{ Params: { uuid: string } }>('/receipts/:uuid', async (request, reply) => {
    progress(ctx);
    const receipt = ctx.store.get(request.params.uuid);
    if (!receipt) return send(reply, <ReceiptsPage receipts={[]} companyName={companyName} title="Чек не найден" />, 404);
    return send(reply, <ReceiptsPage receipts={[viewOf(receipt)]} companyName={companyName} title={`Чек ${receipt.externalId}`} />);
  });
}
