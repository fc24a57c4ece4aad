import { describe, expect, it } from 'vitest';
import { clientSearch } from './client-search.js';

describe('clientSearch', () => {
  it('an empty box searches nothing', () => {
    expect(clientSearch('   ')).toBeNull();
  });

  it.each([
    ['8 (912) 345-67-89', ['79123456789']],
    ['+7 912 345 67 89', ['79123456789']],
    ['9123456789', ['79123456789']],
    ['345-67-89', ['3456789']],
    ['4567', ['4567']],
    ['8 916', ['8916', '7916']],
    ['+8 916', ['8916']],
  ])('reads %s as the phone digits %j', (input, digits) => {
    expect(clientSearch(input)?.phoneDigits).toEqual(digits);
  });

  it('short digit runs and words are not phone numbers', () => {
    expect(clientSearch('12')?.phoneDigits).toEqual([]);
    expect(clientSearch('Анна')?.phoneDigits).toEqual([]);
    expect(clientSearch('anna@example.ru')?.phoneDigits).toEqual([]);
  });

  it('reads base64url text of 4+ characters as the start of an order reference', () => {
    expect(clientSearch(' Xy_9-abc ')).toMatchObject({ text: 'Xy_9-abc', phoneDigits: [], orderRef: 'Xy_9-abc' });
    expect(clientSearch('abc')?.orderRef).toBeNull();
    expect(clientSearch('Анна Смирнова')?.orderRef).toBeNull();
    expect(clientSearch('anna@example.ru')?.orderRef).toBeNull();
  });

  it('takes the reference out of a pasted order link', () => {
    expect(clientSearch('https://shop.example.ru/orders/Xy_9-abcDEF?from=mail')?.orderRef).toBe('Xy_9-abcDEF');
  });

  it.each(['1042', 'У-1042', 'у1042', 'U-1042', '№ У-1042', 'У-1042-Д1'])('reads %s as order number 1042', (text) => {
    expect(clientSearch(text)?.orderNumber).toBe(1042);
  });

  it('finds no order number in names, ids or references', () => {
    expect(clientSearch('3f2a91c0')?.orderNumber).toBeNull();
    expect(clientSearch('Смирнова')?.orderNumber).toBeNull();
    expect(clientSearch('Xy_9-abc')?.orderNumber).toBeNull();
  });

  it('keeps the text for name and email search, capped in length', () => {
    expect(clientSearch('  Смирн ')?.text).toBe('Смирн');
    expect(clientSearch('a'.repeat(500))?.text).toHaveLength(200);
  });
});
