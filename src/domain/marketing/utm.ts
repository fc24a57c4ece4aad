// UTM tags: the link a site (Tilda, an ad) sends the client with says where they came from; the order
// keeps it for staff (docs/tilda.md). The tags ride in hidden fields the client never sees, so a bad
// value is dropped rather than shown back as an error nobody could fix.

export const utmFields = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'utm_term'] as const;
export type UtmField = (typeof utmFields)[number];
export type Utm = Partial<Record<UtmField, string>>;

/** Longer than any real tag; a longer value is junk or an attack. */
export const UTM_MAX_LENGTH = 200;
// Printable text only: no control characters or line breaks.
const PRINTABLE = /^[^\p{Cc}\p{Cf}\u2028\u2029]+$/u;

/** The well-formed tags of a query string or a form body (trimmed); others are left out. */
export function pickUtm(source: Record<string, unknown>): Utm {
  const utm: Utm = {};
  for (const field of utmFields) {
    const raw = source[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value && value.length <= UTM_MAX_LENGTH && PRINTABLE.test(value)) utm[field] = value;
  }
  return utm;
}

/** The tags as order/lead columns. */
export function utmColumns(utm: Utm) {
  return {
    utmSource: utm.utm_source ?? null,
    utmMedium: utm.utm_medium ?? null,
    utmCampaign: utm.utm_campaign ?? null,
    utmContent: utm.utm_content ?? null,
    utmTerm: utm.utm_term ?? null,
  };
}

/** The tags present on a stored record, named as in the link, for staff. */
export function storedUtm(record: ReturnType<typeof utmColumns>): [UtmField, string][] {
  const pairs: [UtmField, string | null][] = [
    ['utm_source', record.utmSource],
    ['utm_medium', record.utmMedium],
    ['utm_campaign', record.utmCampaign],
    ['utm_content', record.utmContent],
    ['utm_term', record.utmTerm],
  ];
  return pairs.filter((pair): pair is [UtmField, string] => pair[1] !== null);
}

/** A link with the given tags added (empty ones left out). */
export function withUtm(url: string, utm: Utm): string {
  const link = new URL(url);
  for (const field of utmFields) {
    const value = utm[field]?.trim();
    if (value) link.searchParams.set(field, value);
  }
  return link.toString();
}
