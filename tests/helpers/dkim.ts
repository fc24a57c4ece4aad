import { createHash, verify, type KeyObject } from 'node:crypto';

// An independent DKIM check (RFC 6376) of a message as an SMTP server received it: relaxed/relaxed
// canonicalisation, rsa-sha256, written from the RFC rather than from nodemailer's signer.

export interface DkimResult {
  domain: string;
  selector: string;
  signedHeaders: string[];
  bodyHashMatches: boolean;
  signatureValid: boolean;
}

export function verifyDkim(raw: string, publicKey: KeyObject): DkimResult {
  const split = raw.indexOf('\r\n\r\n');
  const headerLines = unfoldedHeaders(raw.slice(0, split + 2));
  const body = raw.slice(split + 4);
  const signatureLine = headerLines.find((line) => /^dkim-signature\s*:/i.test(line));
  if (!signatureLine) throw new Error('no DKIM-Signature header');
  const tags = new Map(
    signatureLine
      .slice(signatureLine.indexOf(':') + 1)
      .split(';')
      .map((tag) => tag.trim())
      .filter(Boolean)
      .map((tag) => [tag.slice(0, tag.indexOf('=')).trim(), tag.slice(tag.indexOf('=') + 1).replace(/\s+/g, '')] as const),
  );
  if (tags.get('a') !== 'rsa-sha256' || tags.get('c') !== 'relaxed/relaxed') throw new Error(`unexpected a=${tags.get('a')} c=${tags.get('c')}`);
  const bodyHash = createHash('sha256').update(relaxedBody(body)).digest('base64');
  const signedHeaders = tags.get('h')!.split(':').map((name) => name.trim().toLowerCase());
  // Each name in h= takes the next instance of that header from the bottom up.
  const used = new Set<number>();
  const signedText = signedHeaders
    .map((name) => {
      for (let i = headerLines.length - 1; i >= 0; i--) {
        if (!used.has(i) && headerLines[i]!.slice(0, headerLines[i]!.indexOf(':')).trim().toLowerCase() === name) {
          used.add(i);
          return `${relaxedHeader(headerLines[i]!)}\r\n`;
        }
      }
      return ''; // a name signed but absent: contributes nothing
    })
    .join('');
  const ownHeader = relaxedHeader(signatureLine.replace(/(\bb=)[^;]*/, '$1'));
  const signatureValid = verify('sha256', Buffer.from(signedText + ownHeader), publicKey, Buffer.from(tags.get('b')!, 'base64'));
  return { domain: tags.get('d')!, selector: tags.get('s')!, signedHeaders, bodyHashMatches: bodyHash === tags.get('bh'), signatureValid };
}

function unfoldedHeaders(block: string): string[] {
  return block
    .split(/\r\n(?![ \t])/)
    .filter(Boolean)
    .map((line) => line.replace(/\r\n/g, ''));
}

function relaxedHeader(line: string): string {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line
    .slice(colon + 1)
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
