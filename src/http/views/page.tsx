import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout, type PublicPageMeta } from './layout.js';
import { MetrikaCounter, type MetrikaPageOptions } from './metrika.js';

export interface PageOptions {
  title: string;
  status?: number;
  scripts?: string[];
  styles?: string[];
  refreshSeconds?: number;
  /** A public page's description, address and picture for search engines and link previews; without it, noindex. */
  meta?: PublicPageMeta;
  /** What Yandex Metrika reports for this page, when the counter is on. */
  metrika?: MetrikaPageOptions;
}

/** Sends a server-rendered page in the site layout. Preact escapes every text node and attribute. */
export function sendPage(reply: FastifyReply, options: PageOptions, content: ComponentChildren): FastifyReply {
  const html = renderToString(
    <Layout
      title={options.title}
      company={reply.server.deps.content.current().company}
      siteUrl={reply.server.deps.config.PUBLIC_URL}
      meta={options.meta}
      nonce={reply.cspNonce}
      scripts={options.scripts}
      styles={options.styles}
      refreshSeconds={options.refreshSeconds}
      counter={<MetrikaCounter reply={reply} options={options.metrika} />}
    >
      {content}
    </Layout>,
  );
  return reply
    .code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${html}`);
}
