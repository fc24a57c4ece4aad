import { describe, expect, it } from 'vitest';
import { pickUtm, storedUtm, utmColumns, withUtm } from './utm.js';

describe('UTM tags', () => {
  it('keeps well-formed tags, trimmed, and drops empty, long, non-text and control-character values', () => {
    expect(
      pickUtm({
        utm_source: ' tilda ',
        utm_medium: '',
        utm_campaign: 'x'.repeat(201),
        utm_content: ['a', 'b'],
        utm_term: 'ремонт\nквартиры',
        other: 'ignored',
      }),
    ).toEqual({ utm_source: 'tilda' });
    expect(pickUtm({ utm_campaign: 'весна-2026', utm_term: 'x'.repeat(200) })).toEqual({ utm_campaign: 'весна-2026', utm_term: 'x'.repeat(200) });
  });

  it('round-trips through the columns and shows only what is stored', () => {
    const columns = utmColumns({ utm_source: 'tilda', utm_campaign: 'spring' });
    expect(columns).toEqual({ utmSource: 'tilda', utmMedium: null, utmCampaign: 'spring', utmContent: null, utmTerm: null });
    expect(storedUtm(columns)).toEqual([
      ['utm_source', 'tilda'],
      ['utm_campaign', 'spring'],
    ]);
  });

  it('adds tags to a link, encoded', () => {
    expect(withUtm('https://shop.example.ru/services/audit', { utm_source: 'tilda', utm_campaign: 'весна 2026', utm_term: ' ' })).toBe(
      'https://shop.example.ru/services/audit?utm_source=tilda&utm_campaign=%D0%B2%D0%B5%D1%81%D0%BD%D0%B0+2026',
    );
  });
});
