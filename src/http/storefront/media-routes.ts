import type { FastifyInstance } from 'fastify';
import { parseImageFileName } from '../../domain/catalog/service-image.js';
import { imageFile } from '../../db/queries/storefront.js';

const YEAR = 365 * 24 * 3600;

/**
 * The services' pictures, from the database (decision 035). An address names its content (the hash),
 * so a file never changes under it: browsers and proxies keep it for a year without asking again.
 */
export async function mediaRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get<{ Params: { file: string } }>('/media/services/:file', async (request, reply) => {
    const file = parseImageFileName(request.params.file);
    const bytes = file && (await imageFile(deps.db, file));
    if (!file || !bytes) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Нет такого изображения.');
    return reply
      .header('cache-control', `public, max-age=${YEAR}, immutable`)
      .type(file.format === 'webp' ? 'image/webp' : 'image/jpeg')
      .send(bytes);
  });
}
