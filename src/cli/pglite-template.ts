import { ensurePgliteTemplate } from '../db/pglite-template.js';
import { prepareSchema } from '../deps.js';
import { createLogger } from '../log.js';

// `npm install` (postinstall) and `npm run db:template`: builds the embedded database's template, so
// the first `npm start` copies a ready database instead of creating one (decision 027). Best effort:
// an install never fails because of it (the first start then builds the template itself).

const started = performance.now();
const prepare = prepareSchema(createLogger('silent', 'json'));
try {
  const template = await ensurePgliteTemplate(prepare);
  if (!template) {
    process.stderr.write('uslugi: no writable cache for the embedded database template (~/.cache/uslugi): each new data dir is created from scratch.\n');
  } else if (!template.built) {
    process.stdout.write('uslugi: the embedded database template is ready.\n');
  } else {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`uslugi: prepared the embedded database template in ${seconds} s (${template.dir}).\n`);
  }
} catch (error) {
  process.stderr.write(`uslugi: could not prepare the embedded database template (the first start will): ${error instanceof Error ? error.message : String(error)}\n`);
}
