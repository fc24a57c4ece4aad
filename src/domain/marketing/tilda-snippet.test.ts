import { describe, expect, it } from 'vitest';
import { buttonSnippet, buyLink, frameSnippet } from './tilda-snippet.js';

const input = { publicUrl: 'https://shop.example.ru', slug: 'seo-audit', buttonText: 'Заказать «аудит» <сейчас>', utm: { utm_source: 'tilda', utm_campaign: 'a"b' } };

describe('what the back office gives for Tilda', () => {
  it('links to the service page with the UTM tags', () => {
    expect(buyLink(input)).toBe('https://shop.example.ru/services/seo-audit?utm_source=tilda&utm_campaign=a%22b');
  });

  it('makes a button that opens a new tab, with everything escaped', () => {
    expect(buttonSnippet(input)).toMatch(
      /^<a href="https:\/\/shop\.example\.ru\/services\/seo-audit\?utm_source=tilda&amp;utm_campaign=a%22b" target="_blank" rel="noopener" style="[^"<>]+">Заказать «аудит» &lt;сейчас&gt;<\/a>$/,
    );
  });

  it('makes a frame of the embedded page', () => {
    expect(frameSnippet(input)).toContain('src="https://shop.example.ru/services/seo-audit?utm_source=tilda&amp;utm_campaign=a%22b&amp;embed=1"');
  });
});
