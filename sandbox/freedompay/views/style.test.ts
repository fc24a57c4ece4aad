import { describe, expect, it } from 'vitest';
import { PAGE_CSS } from './style.js';

// The hosted page's text against its background meets WCAG AA (4.5:1 for normal text): a payer on a
// phone in the sun must be able to read «Оплатить».

/** «#fff» → «#ffffff». */
const fullHex = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex);

function luminance(short: string): number {
  const hex = fullHex(short);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

/** Every rule that sets both a background and a text colour: its selector and the two colours. */
const pairs = [...PAGE_CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap(([, selector, body]) => {
  const background = /background:(#[0-9a-f]{3}(?:[0-9a-f]{3})?)\b/i.exec(body!)?.[1];
  const color = /(?:^|;)color:(#[0-9a-f]{3}(?:[0-9a-f]{3})?)\b/i.exec(body!)?.[1];
  return background && color ? [{ selector: selector!.trim(), background, color }] : [];
});

describe('the hosted page’s colours', () => {
  it('finds the button and the brand badge among the coloured rules', () => {
    expect(pairs.map((p) => p.selector)).toEqual(expect.arrayContaining(['button,.button', '.brand span']));
  });

  it('keeps every text on its background at 4.5:1 or more', () => {
    for (const { selector, background, color } of pairs) expect(contrast(background, color), selector).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast the WCAG way', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#0a8f5b', '#ffffff')).toBeLessThan(4.5); // the old button green
  });
});
