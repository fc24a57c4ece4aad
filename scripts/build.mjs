import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// `npm run build` (and `npm start` when the sources changed): bundles the app, its command-line tools and
// the development sandboxes into dist/ (decision 029). A start then loads a few files instead of ~1 600
// modules, which is most of a cold start. Plain JavaScript, so `npm start` needs no TypeScript loader.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bundleDir = join(dist, 'bundle');

/** Packages that read files beside themselves or load native code: imported from node_modules at run time. */
const external = ['@electric-sql/pglite', '@node-rs/argon2', 'sharp', 'pdfkit', 'altcha', 'pino', 'pino-pretty', 'pg-native', 'tsx'];

/** What the build reads: a start rebuilds when any of it is newer than the build. */
export const sources = ['src', 'sandbox', 'package.json', 'package-lock.json', 'scripts/build.mjs'];

const cliNames = ['migrate', 'backup', 'restore', 'staff-reset-access', 'pglite-template'];
const entries = {
  server: 'src/server.ts',
  ...Object.fromEntries(cliNames.map((name) => [`cli/${name}`, `src/cli/${name}.ts`])),
};
const sandboxes = ['freedompay', 'atol', 'telegram'];

export async function buildDist() {
  rmSync(dist, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: [...Object.values(entries), ...sandboxes.map((name) => `sandbox/${name}/index.ts`)],
    outdir: bundleDir,
    outbase: '.',
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Written but not turned on: Node parses every map at load, 0.45 s of each start (decision 041).
    // `NODE_OPTIONS=--enable-source-maps` maps stack traces back to src/, which the maps point to.
    sourcemap: true,
    sourcesContent: false,
    external,
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  // The entry points the docs and units name (dist/server.js, dist/cli/migrate.js): they turn on Node's
  // compile cache before the bundle is parsed, so a restart skips compiling it again.
  for (const [name, source] of Object.entries(entries)) {
    const file = join(dist, `${name}.js`);
    const target = relative(dirname(file), join(bundleDir, source.replace(/\.ts$/, '.js')));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      "import { enableCompileCache } from 'node:module';\n" +
        'enableCompileCache();\n' +
        `await import('./${target}');\n`,
    );
  }
  writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
}

/** The newest modification time under the build's sources, in ms. */
export function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (!path.endsWith('.test.ts')) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const source of sources) visit(join(root, source));
  return newest;
}

/** True when dist/ is missing or older than a source file. */
export function distIsStale() {
  try {
    return statSync(join(dist, '.built')).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildDist();
  process.stdout.write(`uslugi: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
