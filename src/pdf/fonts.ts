import { readFileSync } from 'node:fs';

// DejaVu Sans ships with the repository (assets/fonts, with its licence): a fresh machine may have no
// font with Cyrillic at all, and the PDF must look the same everywhere. The same relative path works
// from src/pdf and from dist/pdf.

const fontsDir = new URL('../../assets/fonts/', import.meta.url);

let loaded: { regular: Buffer; bold: Buffer } | undefined;

export function dejaVu(): { regular: Buffer; bold: Buffer } {
  loaded ??= {
    regular: readFileSync(new URL('DejaVuSans.ttf', fontsDir)),
    bold: readFileSync(new URL('DejaVuSans-Bold.ttf', fontsDir)),
  };
  return loaded;
}
