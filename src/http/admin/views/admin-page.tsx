import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { calendarWarning } from '../calendar/calendar-warning.js';
import { AdminLayout } from './admin-layout.js';

export interface AdminPageOptions {
  title: string;
  status?: number;
  scripts?: string[];
  styles?: string[];
}

/** Sends a back-office page: the staff layout with the sections the member's role may open. */
export async function sendAdminPage(reply: FastifyReply, options: AdminPageOptions, content: ComponentChildren): Promise<FastifyReply> {
  const { request } = reply;
  const member = request.staff;
  const banner = member ? await calendarWarning(request.server.deps, member.calendarWarningHiddenUntil) : null;
  const html = renderToString(
    <AdminLayout
      title={options.title}
      companyName={request.server.deps.content.current().company.name}
      nonce={reply.cspNonce}
      member={member}
      csrfToken={reply.generateCsrf()}
      path={request.url.split('?')[0]!}
      banner={banner}
      scripts={options.scripts}
      styles={options.styles}
    >
      {content}
    </AdminLayout>,
  );
  return reply
    .code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}
