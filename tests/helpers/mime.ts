// Just enough MIME to read what nodemailer sends: unfolded headers with RFC 2047 words decoded,
// and the text/plain and text/html parts of a multipart/alternative body.

export interface ParsedMessage {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

export function parseMessage(raw: string): ParsedMessage {
  const { headers, body } = splitPart(raw);
  const parts = new Map<string, string>();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  const leaves = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const leaf of leaves) {
    const part = boundary ? splitPart(leaf.replace(/^\r?\n/, '')) : { headers, body };
    const type = (part.headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim();
    parts.set(type, decodeBody(part.body, part.headers.get('content-transfer-encoding') ?? '7bit'));
  }
  return { headers, subject: headers.get('subject') ?? '', text: parts.get('text/plain') ?? '', html: parts.get('text/html') ?? '' };
}

function splitPart(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body: raw.slice(end).replace(/^\r?\n\r?\n/, '') };
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)\s+(?==\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeBody(body: string, encoding: string): string {
  const trimmed = body.replace(/\r?\n$/, '');
  if (/base64/i.test(encoding)) return Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(trimmed.replace(/=\r?\n/g, ''));
  return trimmed;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
