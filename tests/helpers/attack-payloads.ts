// What the attack tests type into the app's inputs, and how they read a page for markup that escaped.

/** Stored-XSS probes. Each alert has its own number, so a dialog names the payload that ran. */
export const xssPayloads = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  'javascript:alert(4)',
  '</textarea><script>alert(5)</script>',
  '</title><svg/onload=alert(6)>',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '" autofocus onfocus="alert(8)',
  '<a href="javascript:alert(9)">ссылка</a>',
  '<iframe srcdoc="<script>alert(10)</script>"></iframe>',
];

/** All probes in one text, for the free-text fields (notes, comments, reasons, descriptions). */
export const xssText = xssPayloads.join('\n');

/**
 * An address with markup: the order form once accepted it (its rule only wanted no spaces and one @)
 * while the mailer refused it, so the order was paid and then could never be confirmed. Now refused
 * at the form; the refusal shows it back, escaped.
 */
export const markupEmail = '"><svg/onload=alert(11)>@example.ru';

/** The most an accepted address can carry: quotes that would close a single-quoted attribute. */
export const xssEmail = "d'artagnan'+o'neil@example.ru";

/** A name the name rule accepts (letters, apostrophe, hyphen) that closes a single-quoted attribute. */
export const quoteName = "Д'Артаньян О'Нил";

/** SQL-injection probes: every input must treat them as text. */
export const sqlPayloads = [
  "' or 1=1 --",
  "'; drop table orders; --",
  "\\' union select password_hash, null from clients --",
  '1) or (1=1',
  "%' or '%'='",
  '"; delete from staff; --',
  "1; select pg_sleep(5); --",
];

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Markup in a page that can run code: an event-handler attribute on any tag, a javascript: URL, a
 * script without the response's nonce, a frame whose document has a script, or a probe's raw text.
 * The app itself uses none of these (its CSP would block them anyway), so any hit is an escape.
 */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const raw of ['<script>alert', '<svg onload', '<svg/onload', '<img src=x', 'srcdoc="<script']) {
    if (html.toLowerCase().includes(raw)) found.push(`raw ${raw}`);
  }
  for (const tag of html.matchAll(TAG)) {
    const name = tag[1]!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      attributes.set(attribute[1]!.toLowerCase(), decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
    }
    for (const [attribute, value] of attributes) {
      if (attribute.startsWith('on')) found.push(`<${name} ${attribute}=…>`);
      if (URL_ATTRIBUTES.has(attribute) && /^\s*(javascript|vbscript|data:text\/html)/i.test([...value].filter((c) => c > ' ').join(''))) {
        found.push(`<${name} ${attribute}="${value}">`);
      }
    }
    if (name === 'script' && !attributes.has('nonce')) found.push('<script> without a nonce');
    if (name === 'iframe' && /<script/i.test(attributes.get('srcdoc') ?? '')) found.push('<iframe srcdoc> with a script');
  }
  return found;
}
