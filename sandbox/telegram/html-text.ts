import type { MessageEntity } from './types.js';

/**
 * parse_mode "HTML" as the Bot API reads it (core.telegram.org/bots/api#html-style): a small fixed
 * set of tags, attributes only where they mean something, the four named entities &lt; &gt; &amp;
 * &quot; plus numeric ones, and nothing else. Anything outside that is an error with the API's own
 * wording and a UTF-8 byte offset, so a client that forgets to escape a "<" fails here as it would
 * in production. Offsets and lengths of entities are in UTF-16 code units, as the API counts.
 */
export type ParsedText = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; error: string };

const SIMPLE_TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
};
const SUPPORTED = new Set([...Object.keys(SIMPLE_TAGS), 'a', 'span', 'code', 'pre', 'blockquote', 'tg-emoji']);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const SPACE = /\s/;

interface Open {
  tag: string;
  argument: string;
  expandable: boolean;
  /** UTF-16 offset in the output where the tag's content starts. */
  start: number;
}

/** `&…;` at `at`: the character and where the entity ends, or null when it is not one the API knows (the `&` is then kept as is). */
function decodeEntity(source: string, at: number): { char: string; end: number } | null {
  const semicolon = source.indexOf(';', at);
  if (semicolon === -1 || semicolon - at > 10) return null;
  const name = source.slice(at + 1, semicolon);
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return { char: named, end: semicolon + 1 };
  const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
  if (!numeric) return null;
  const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return null;
  return { char: String.fromCodePoint(code), end: semicolon + 1 };
}

/** A link the API keeps: http(s), tg:, or a bare domain it completes with http://. Others are dropped silently, text kept. */
function linkOf(href: string): string | null {
  const value = href.trim();
  if (/^(https?|tg|ton):/i.test(value)) return URL.canParse(value) ? value : null;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i.test(value)) return `http://${value}`;
  return null;
}

export function parseHtmlText(source: string): ParsedText {
  const byteOffset = (index: number) => Buffer.byteLength(source.slice(0, index), 'utf8');
  const fail = (error: string): ParsedText => ({ ok: false, error });
  let text = '';
  const entities: MessageEntity[] = [];
  const open: Open[] = [];
  let i = 0;

  while (i < source.length) {
    const c = source[i]!;
    if (c === '&') {
      const decoded = decodeEntity(source, i);
      if (decoded) {
        text += decoded.char;
        i = decoded.end;
        continue;
      }
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }

    const tagStart = i++;
    if (source[i] !== '/') {
      const nameStart = i;
      while (i < source.length && !SPACE.test(source[i]!) && source[i] !== '>') i++;
      if (i >= source.length) return fail(`Unclosed start tag at byte offset ${byteOffset(tagStart)}`);
      const tag = source.slice(nameStart, i).toLowerCase();
      if (!SUPPORTED.has(tag)) return fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(tagStart)}`);

      let argument = '';
      let expandable = false;
      while (source[i] !== '>') {
        while (i < source.length && SPACE.test(source[i]!)) i++;
        if (i >= source.length) return fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(tagStart)}`);
        if (source[i] === '>') break;
        const attributeStart = i;
        while (i < source.length && !SPACE.test(source[i]!) && source[i] !== '=' && source[i] !== '>') i++;
        const attribute = source.slice(attributeStart, i).toLowerCase();
        if (attribute === '') return fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(tagStart)}`);
        while (i < source.length && SPACE.test(source[i]!)) i++;
        if (source[i] !== '=') {
          if (tag === 'blockquote' && attribute === 'expandable') {
            expandable = true;
            continue;
          }
          return fail(`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteOffset(tagStart)}`);
        }
        i++;
        while (i < source.length && SPACE.test(source[i]!)) i++;
        if (i >= source.length) return fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(tagStart)}`);

        let value = '';
        const quote = source[i];
        if (quote === '"' || quote === "'") {
          const valueStart = ++i;
          while (i < source.length && source[i] !== quote) {
            const decoded = source[i] === '&' ? decodeEntity(source, i) : null;
            if (decoded) {
              value += decoded.char;
              i = decoded.end;
            } else {
              value += source[i++];
            }
          }
          if (i >= source.length) return fail(`Unclosed start tag at byte offset ${byteOffset(valueStart)}`);
          i++;
        } else {
          const tokenStart = i;
          while (i < source.length && /[A-Za-z0-9.-]/.test(source[i]!)) i++;
          value = source.slice(tokenStart, i).toLowerCase();
          if (i < source.length && !SPACE.test(source[i]!) && source[i] !== '>') return fail(`Unexpected end of name token at byte offset ${byteOffset(tokenStart)}`);
          if (i >= source.length) return fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(tagStart)}`);
        }

        if (tag === 'a' && attribute === 'href') argument = value;
        else if (tag === 'code' && attribute === 'class' && value.startsWith('language-')) argument = value.slice('language-'.length);
        else if (tag === 'span' && attribute === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (tag === 'tg-emoji' && attribute === 'emoji-id') argument = value;
      }
      if (tag === 'span' && argument !== 'spoiler') return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(tagStart)}`);
      i++; // past '>'
      open.push({ tag, argument, expandable, start: text.length });
      continue;
    }

    // An end tag.
    if (open.length === 0) return fail(`Unexpected end tag at byte offset ${byteOffset(tagStart)}`);
    const nameStart = ++i;
    while (i < source.length && !SPACE.test(source[i]!) && source[i] !== '>') i++;
    const endName = source.slice(nameStart, i).toLowerCase();
    while (i < source.length && SPACE.test(source[i]!)) i++;
    if (source[i] !== '>') return fail(`Unclosed end tag at byte offset ${byteOffset(tagStart)}`);
    i++;
    const entry = open.pop()!;
    if (endName !== '' && endName !== entry.tag) {
      return fail(`Unmatched end tag at byte offset ${byteOffset(tagStart)}, expected "</${entry.tag}>", found "</${endName}>"`);
    }
    const entity = entityFor(entry, text, open);
    if (entity) entities.push(entity);
  }
  if (open.length > 0) return fail(`Can't find end tag corresponding to start tag "${open[open.length - 1]!.tag}"`);

  // Outer entities first, as the API lists them (by offset, then longest first).
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text, entities };
}

function entityFor(entry: Open, text: string, stillOpen: Open[]): MessageEntity | null {
  const offset = entry.start;
  const length = text.length - offset;
  if (length === 0) return null;
  const simple = SIMPLE_TAGS[entry.tag];
  if (simple) return { type: simple, offset, length };
  switch (entry.tag) {
    case 'span':
      return { type: 'spoiler', offset, length };
    case 'a': {
      const url = linkOf(entry.argument === '' ? text.slice(offset) : entry.argument);
      return url ? { type: 'text_link', offset, length, url } : null;
    }
    case 'code': {
      // <pre><code class="language-x"> is one pre entity with a language; the pre closes it.
      const parent = stillOpen[stillOpen.length - 1];
      if (parent?.tag === 'pre' && parent.start === offset) {
        if (entry.argument !== '') parent.argument = entry.argument;
        return null;
      }
      return { type: 'code', offset, length };
    }
    case 'pre':
      return entry.argument === '' ? { type: 'pre', offset, length } : { type: 'pre', offset, length, language: entry.argument };
    case 'blockquote':
      return { type: entry.expandable ? 'expandable_blockquote' : 'blockquote', offset, length };
    case 'tg-emoji':
      return { type: 'custom_emoji', offset, length, custom_emoji_id: entry.argument };
    default:
      return null;
  }
}

