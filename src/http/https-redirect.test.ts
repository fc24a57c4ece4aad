import { describe, expect, it } from 'vitest';
import { plainHttpAction } from './https-redirect.js';

const origin = 'https://shop.example.ru';

describe('plainHttpAction', () => {
  it('sends pages to the same path on the HTTPS origin: 301 for GET and HEAD, 308 for the rest', () => {
    expect(plainHttpAction('GET', '/services/landing?from=ad', origin)).toEqual({ kind: 'redirect', status: 301, location: 'https://shop.example.ru/services/landing?from=ad' });
    expect(plainHttpAction('HEAD', '/', origin)).toEqual({ kind: 'redirect', status: 301, location: 'https://shop.example.ru/' });
    expect(plainHttpAction('POST', '/account/login', origin)).toEqual({ kind: 'redirect', status: 308, location: 'https://shop.example.ru/account/login' });
  });

  it('answers the gateway callbacks itself, whatever the method and query', () => {
    for (const method of ['GET', 'POST', 'PUT']) {
      expect(plainHttpAction(method, '/payments/freedompay/result?pg_order_id=1', origin)).toEqual({ kind: 'serve' });
      expect(plainHttpAction(method, '/payments/freedompay/check', origin)).toEqual({ kind: 'serve' });
    }
    // Only the exact routes: anything else under /payments is a page.
    expect(plainHttpAction('POST', '/payments/freedompay/result/extra', origin).kind).toBe('redirect');
  });

  it('never leaves the shop origin, whatever the request line says', () => {
    expect(plainHttpAction('GET', '//evil.example/x', origin)).toMatchObject({ location: 'https://shop.example.ru//evil.example/x' });
    expect(plainHttpAction('GET', 'http://evil.example/x', origin)).toMatchObject({ location: 'https://shop.example.ru/' });
  });
});
