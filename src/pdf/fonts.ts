import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../repo-root.js';

// DejaVu Sans ships with the repository (assets/fonts, with its licence): a fresh machine may have no
// font with Cyrillic at all, and the PDF must look the same everywhere.

const fontsDir = join(repoRoot, 'assets', 'fonts');

let loaded: { regular: Buffer; bold: Buffer } | undefined;

export function dejaVu(): { regular: Buffer; bold: Buffer } {
  loaded ??= {
    regular: readFileSync(join(fontsDir, 'DejaVuSans.ttf')),
    bold: readFileSync(join(fontsDir, 'DejaVuSans-Bold.ttf')),
  };
  return loaded;
}
