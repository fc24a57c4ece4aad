import type { FastifyInstance } from 'fastify';
import { legalTexts } from '../../legal/documents.js';
import { legalVersions, type LegalDocument } from '../../legal/versions.js';
import { sendPage } from '../views/page.js';

export async function legalRoutes(app: FastifyInstance) {
  for (const document of Object.keys(legalTexts) as LegalDocument[]) {
    const text = legalTexts[document];
    app.get(`/legal/${document}`, async (_request, reply) =>
      sendPage(
        reply,
        { title: text.title },
        <article class="legal">
          <h1>{text.title}</h1>
          <p class="legal-version">Редакция: {legalVersions[document]}</p>
          {text.body(app.company)}
        </article>,
      ),
    );
  }
}
