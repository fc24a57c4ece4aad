import type { FastifyInstance } from 'fastify';
import { legalTexts } from '../../legal/documents.js';
import { legalVersions, privacyVersion, type LegalDocument } from '../../legal/versions.js';
import { sendPage } from '../views/page.js';

export async function legalRoutes(app: FastifyInstance) {
  const settings = { metrika: Boolean(app.deps.config.YANDEX_METRIKA_ID) };
  for (const document of Object.keys(legalTexts) as LegalDocument[]) {
    const text = legalTexts[document];
    app.get(`/legal/${document}`, async (_request, reply) =>
      sendPage(
        reply,
        { title: text.title },
        <article class="legal">
          <h1>{text.title}</h1>
          <p class="legal-version">Редакция: {document === 'privacy' ? privacyVersion(settings) : legalVersions[document]}</p>
          {text.body(app.company, settings)}
        </article>,
      ),
    );
  }
}
