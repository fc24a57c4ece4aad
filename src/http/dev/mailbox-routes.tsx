import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findEmail, recentEmails } from '../../db/queries/emails.js';
import { replyToOf } from '../../email/mailer.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { MailboxEmail, MailboxList } from './mailbox-pages.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Registered only without SMTP_URL, outside production and without a real merchant account (see
 * app.ts): elsewhere these are 404. Even then they hold temporary passwords and sign-in links, so only
 * a browser on this machine sees them: a loopback peer, not relaying anyone (no proxy headers).
 */
export async function devMailboxRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  app.addHook('onRequest', async (request, reply) => {
    if (!fromThisMachine(request)) return sendErrorPage(reply, 404);
  });

  app.get('/dev/mailbox', async (_request, reply) =>
    sendPage(reply, { title: 'Почтовый ящик разработчика', styles: ['/static/dev-mailbox.css'] }, <MailboxList emails={await recentEmails(db, 100)} />),
  );

  app.get<{ Params: { id: string } }>('/dev/mailbox/:id', async (request, reply) => {
    const email = uuid.test(request.params.id) ? await findEmail(db, request.params.id) : undefined;
    if (!email) return sendErrorPage(reply, 404);
    // A srcdoc frame inherits this page's CSP; emails carry inline styles (mail clients need them),
    // so this page allows them. The frame is sandboxed without scripts.
    const policy = String(reply.getHeader('content-security-policy') ?? '');
    reply.header('content-security-policy', policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"));
    return sendPage(
      reply,
      { title: email.subject, styles: ['/static/dev-mailbox.css'] },
      <MailboxEmail email={email} from={config.MAIL_FROM} replyTo={replyToOf(config, app.deps.content.current().company.email)} />,
    );
  });
}

const proxyHeaders = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

function fromThisMachine(request: FastifyRequest): boolean {
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || /^(::ffff:)?127\./.test(peer);
  return loopback && !proxyHeaders.some((name) => request.headers[name] !== undefined);
}
