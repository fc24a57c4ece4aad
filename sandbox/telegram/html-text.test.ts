import { describe, expect, it } from 'vitest';
import { parseHtmlText } from './html-text.js';

const ok = (source: string) => {
  const parsed = parseHtmlText(source);
  if (!parsed.ok) throw new Error(`expected to parse: ${parsed.error}`);
  return parsed;
};
const error = (source: string) => {
  const parsed = parseHtmlText(source);
  if (parsed.ok) throw new Error('expected a parse error');
  return parsed.error;
};

describe('parse_mode HTML', () => {
  it('turns the supported tags into entities, outer first, offsets in UTF-16', () => {
    const parsed = ok('<b>Заказ <i>№7</i></b> <u>u</u><ins>i</ins> <s>s</s><del>d</del><strike>k</strike> <code>c</code>');
    expect(parsed.text).toBe('Заказ №7 ui sdk c');
    expect(parsed.entities).toEqual([
      { type: 'bold', offset: 0, length: 8 },
      { type: 'italic', offset: 6, length: 2 },
      { type: 'underline', offset: 9, length: 1 },
      { type: 'underline', offset: 10, length: 1 },
      { type: 'strikethrough', offset: 12, length: 1 },
      { type: 'strikethrough', offset: 13, length: 1 },
      { type: 'strikethrough', offset: 14, length: 1 },
      { type: 'code', offset: 16, length: 1 },
    ]);
    // An emoji is two UTF-16 units.
    expect(ok('😀<b>x</b>').entities).toEqual([{ type: 'bold', offset: 2, length: 1 }]);
  });

  it('reads links, spoilers, quotes and pre with a language', () => {
    expect(ok('<a href="https://example.ru/o?a=1&amp;b=2">тут</a>').entities).toEqual([{ type: 'text_link', offset: 0, length: 3, url: 'https://example.ru/o?a=1&b=2' }]);
    expect(ok('<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>').entities.map((e) => e.type)).toEqual(['spoiler', 'spoiler']);
    expect(ok('<blockquote expandable>q</blockquote><blockquote>r</blockquote>').entities.map((e) => e.type)).toEqual(['expandable_blockquote', 'blockquote']);
    expect(ok('<pre><code class="language-ts">let a</code></pre>').entities).toEqual([{ type: 'pre', offset: 0, length: 5, language: 'ts' }]);
    // A link the API would not accept is dropped, its text kept.
    expect(ok('<a href="javascript:alert(1)">x</a>')).toEqual({ ok: true, text: 'x', entities: [] });
  });

  it('decodes the four named entities and numeric ones; any other & stays as it is', () => {
    expect(ok('&lt;b&gt; &amp; &quot; &#8381; &#x20BD; &nbsp; AT&T').text).toBe('<b> & " ₽ ₽ &nbsp; AT&T');
  });

  it('refuses unsupported and unclosed tags with the API wording and UTF-8 byte offsets', () => {
    expect(error('Сумма <p>1</p>')).toBe('Unsupported start tag "p" at byte offset 11');
    expect(error('a < b')).toBe('Unsupported start tag "" at byte offset 2');
    expect(error('<< Заказ >>')).toBe('Unsupported start tag "<" at byte offset 0');
    expect(error('<b>жирный')).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(error('<b>x</i>')).toBe('Unmatched end tag at byte offset 4, expected "</b>", found "</i>"');
    expect(error('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(error('x <b')).toBe('Unclosed start tag at byte offset 2');
    expect(error('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(error('<a href>x</a>')).toBe('Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0');
  });
});
