import type { FastifyInstance, FastifyReply } from 'fastify';
import { listenQueueChanges, type QueueListener } from '../../db/queue-signal.js';

// GET /admin/queue/events: a server-sent events stream that says «the queue changed» to the open
// /admin/queue pages (public/admin-live-queue.js), which then fetch the page again and swap the
// table in. The stream carries no data about orders: what a member may see is decided by the page
// request, under the same permission as the queue.

/** A stream lives this long, then the browser reconnects: the staff gate checks the session again each time. */
const STREAM_LIFETIME_MS = 5 * 60_000;
/** A comment line now and then keeps proxies from closing an idle connection. */
const HEARTBEAT_MS = 25_000;

export async function queueEventRoutes(app: FastifyInstance) {
  const streams = new Set<FastifyReply>();
  let listener: Promise<QueueListener> | null = null;
  const broadcast = () => {
    for (const reply of streams) reply.raw.write('event: queue\ndata: changed\n\n');
  };
  // One LISTEN per process, opened when the first manager opens the queue.
  const listen = () =>
    (listener ??= listenQueueChanges(app.deps.database, broadcast, (error) => app.log.warn({ err: error }, 'queue events: listening connection lost')).catch(
      (error: unknown) => {
        listener = null;
        throw error;
      },
    ));
  app.addHook('onClose', async () => {
    for (const reply of streams) reply.raw.end();
    if (listener) await (await listener).close();
  });

  app.get('/admin/queue/events', { config: { staff: 'orders.view', staffPassive: true } }, async (request, reply) => {
    if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
      return reply
        .code(406)
        .type('text/plain; charset=utf-8')
        .send('Это поток событий для страницы «Очередь звонков» (EventSource, Accept: text/event-stream). Откройте /admin/queue.');
    }
    await listen();
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no', // nginx: pass each event on at once
    });
    reply.raw.write('retry: 3000\n\n');
    streams.add(reply);
    const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), HEARTBEAT_MS);
    const end = setTimeout(() => reply.raw.end(), STREAM_LIFETIME_MS);
    reply.raw.on('close', () => {
      streams.delete(reply);
      clearInterval(heartbeat);
      clearTimeout(end);
    });
  });
}
