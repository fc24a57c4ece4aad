import { buildDist, distIsStale } from './build.mjs';

// `npm start`: runs the built app (dist/), rebuilding it first when a source file changed since the last
// build (about 2 s). `npm install` builds it once, so a first start goes straight to the shop.

if (distIsStale()) {
  process.stdout.write('uslugi: the sources changed since the last build; building dist/…\n');
  await buildDist();
}
await import('../dist/server.js');
