import type { FastifyInstance, FastifyReply } from 'fastify';
import { editionLabel, isLegalDocument, legalDescriptions, legalTitles, publishedVersions, versionInEffect, type LegalDocument, type LegalVersion } from '../../domain/content/legal-versions.js';
import { LegalBody, type LegalSettings } from '../../legal/documents.js';
import { sendErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/page.js';

type ByDocument = { Params: { document: string } };
type ByVersion = { Params: { document: string; date: string } };

/**
 * The legal texts: /legal/offer is the version in effect now; /legal/offer/2026-11-23 any version that
 * has been in effect, so a client can read the very text they accepted. A version not yet in effect is
 * not shown.
 */
export async function legalRoutes(app: FastifyInstance) {
  const { deps } = app;
  const settings: LegalSettings = { metrika: Boolean(deps.config.YANDEX_METRIKA_ID), siteUrl: deps.config.PUBLIC_URL };

  app.get<ByDocument>('/legal/:document', async (request, reply) => {
    const { document } = request.params;
    const now = deps.clock.now();
    const version = isLegalDocument(document) ? versionInEffect(deps.content.current().legal, document, now) : null;
    if (!version) return sendErrorPage(reply, 404);
    return sendLegalPage(reply, version, now);
  });

  app.get<ByVersion>('/legal/:document/:date', async (request, reply) => {
    const { document, date } = request.params;
    const now = deps.clock.now();
    const version = isLegalDocument(document) ? publishedVersions(deps.content.current().legal, document, now).find((v) => v.effectiveDate === date) : undefined;
    if (!version) return sendErrorPage(reply, 404);
    return sendLegalPage(reply, version, now);
  });

  function sendLegalPage(reply: FastifyReply, version: LegalVersion, now: Date) {
    const content = deps.content.current();
    const document: LegalDocument = version.document;
    const current = versionInEffect(content.legal, document, now);
    const others = publishedVersions(content.legal, document, now).filter((v) => v !== version);
    const title = legalTitles[document];
    // The version in effect is the document's page; an earlier one stays readable but is not indexed.
    const meta = version === current ? { path: `/legal/${document}`, description: legalDescriptions[document], type: 'article' as const } : undefined;
    return sendPage(
      reply,
      { title, meta },
      <article class="legal">
        <h1>{title}</h1>
        <p class="legal-version">{editionLabel(version.effectiveDate)}</p>
        {version !== current && current && (
          <p class="notice" role="note">
            Это прежняя редакция. Действующая — <a href={`/legal/${document}`}>{editionLabel(current.effectiveDate).replace('Редакция', 'редакция')}</a>.
          </p>
        )}
        <LegalBody body={version.body} company={content.company} settings={settings} />
        {others.length > 0 && (
          <nav class="legal-versions" aria-label="Другие редакции">
            <h2>Другие редакции</h2>
            <ul>
              {others.map((v) => (
                <li>
                  <a href={v === current ? `/legal/${document}` : `/legal/${document}/${v.effectiveDate}`}>{editionLabel(v.effectiveDate)}</a>
                  {v === current ? ' (действующая)' : ''}
                </li>
              ))}
            </ul>
          </nav>
        )}
      </article>,
    );
  }
}
