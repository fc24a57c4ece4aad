import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The checkout's root: the folder holding uslugi's package.json, found by walking up from this module.
// Files that ship beside the code (migrations, fonts, public/, the sandboxes) are read from here, so the
// same code works from src/ under tsx and from the single-file build in dist/ (decision 029), whose
// modules sit at other depths.

function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'uslugi') return dir;
  }
  throw new Error(`uslugi's package.json not found above ${from}`);
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * A development sandbox's entry (sandbox/<name>): its TypeScript source when we run under tsx, its own
 * bundle in dist/ when we run from the build. Loaded by path, never imported: it shares no code with src/.
 */
export function sandboxEntry(name: 'freedompay' | 'atol' | 'telegram'): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fromSource ? join(repoRoot, 'sandbox', name, 'index.ts') : join(repoRoot, 'dist', 'bundle', 'sandbox', name, 'index.js');
  return pathToFileURL(file).href;
}
