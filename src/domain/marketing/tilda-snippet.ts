import { withUtm, type Utm } from './utm.js';

// What the catalog's service page gives the site owner to paste into Tilda (docs/tilda.md): the buy
// link, a button for a Tilda «HTML-код» block (T123), and, when FRAME_ANCESTORS allows it, a frame.

/** Text safe inside a double-quoted HTML attribute or between tags. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SnippetInput {
  publicUrl: string;
  slug: string;
  buttonText: string;
  utm: Utm;
}

export function buyLink({ publicUrl, slug, utm }: SnippetInput): string {
  return withUtm(`${publicUrl}/services/${encodeURIComponent(slug)}`, utm);
}

/** A self-contained button (inline styles: a Tilda block has none of ours) that opens the order form in a new tab. */
export function buttonSnippet(input: SnippetInput): string {
  const style =
    'display:inline-block;padding:14px 28px;border-radius:8px;background:#1f4fd1;color:#fff;font:600 16px/1.2 Arial,sans-serif;text-decoration:none';
  return `<a href="${escapeHtml(buyLink(input))}" target="_blank" rel="noopener" style="${style}">${escapeHtml(input.buttonText)}</a>`;
}

/** The service shown inside the Tilda page; its button still opens the form in a new tab (cookies in frames). */
export function frameSnippet(input: SnippetInput): string {
  const url = new URL(buyLink(input));
  url.searchParams.set('embed', '1');
  return `<iframe src="${escapeHtml(url.toString())}" title="${escapeHtml(input.buttonText)}" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`;
}
