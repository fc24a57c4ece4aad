import { describe, expect, it } from 'vitest';
import { invoiceNumber, orderNumber, parseOrderNumber } from './order-number.js';

describe('orderNumber', () => {
  it('writes the sequence number after the Cyrillic «У»', () => {
    expect(orderNumber(1042)).toBe('У-1042');
    expect(orderNumber(1001)).toBe('У-1001');
  });

  it('gives a surcharge invoice its ordinal after «Д»', () => {
    expect(invoiceNumber(1042, 1)).toBe('У-1042-Д1');
    expect(invoiceNumber(1042, 12)).toBe('У-1042-Д12');
  });
});

describe('parseOrderNumber', () => {
  it.each(['1042', 'У-1042', 'у1042', 'U-1042', 'u1042', 'Y-1042', '№ У-1042', '№1042', ' у - 1042 ', 'У-1042-Д2', 'у-1042-д1'])('reads %s as 1042', (text) => {
    expect(parseOrderNumber(text)).toBe(1042);
  });

  it.each(['', 'Анна', 'У-', 'Х-1042', '1042-Д', '10 42', '3f2a91c0', '0', 'У-99999999999'])('finds no number in %j', (text) => {
    expect(parseOrderNumber(text)).toBeNull();
  });

  it('reads back what it writes', () => {
    expect(parseOrderNumber(orderNumber(7))).toBe(7);
    expect(parseOrderNumber(invoiceNumber(1500, 3))).toBe(1500);
  });
});
