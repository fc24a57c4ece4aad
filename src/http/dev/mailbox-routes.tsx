import type { FastifyInstance } from 'fastify';
import { findEmail, recentEmails } from '../../db/queries/emails.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';
import { MailboxEmail, MailboxList } from './mailbox-pages.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Registered only without SMTP_URL and outside production (see app.ts): elsewhere these are 404. */
export async function devMailboxRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;

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
      <MailboxEmail email={email} from={config.MAIL_FROM} replyTo={config.MAIL_REPLY_TO} />,
    );
  });
}
