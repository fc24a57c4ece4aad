import { describe, expect, it } from 'vitest';
import { TEST_CARDS, cardBehaviour, cardBrand, checkCard, luhnValid, maskPan } from './cards.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const good = { pan: '4716 0472 6194 1981', expiry: '12/30', cvc: '123', holder: 'IVAN IVANOV' };

describe('test cards (docs/freedompay-protocol.md#test-cards)', () => {
  it('has the eleven purchase cards, all passing Luhn', () => {
    expect(TEST_CARDS).toHaveLength(11);
    for (const card of TEST_CARDS) expect(luhnValid(card.pan), card.pan).toBe(true);
  });

  it('maps each card to its outcomes', () => {
    expect(cardBehaviour('4716047261941981')).toMatchObject({ threeDs: false, auth: true, clearing: true, reverse: false, refund: true });
    expect(cardBehaviour('4916307416334310')).toMatchObject({ threeDs: true, auth: true, refund: false });
    expect(cardBehaviour('5367654276102126')).toMatchObject({ threeDs: true, clearing: false, reverse: true });
    expect(cardBehaviour('4939770956154989')).toMatchObject({ threeDs: false, clearing: false, reverse: true });
    for (const pan of ['5335215945367703', '4916109830832246', '5548398681700148', '5475102935853613']) {
      expect(cardBehaviour(pan).auth, pan).toBe(false);
    }
    expect(cardBehaviour('6224466455690681278')).toMatchObject({ auth: true, clearing: true, reverse: true, refund: true });
    // Not a test card: a plain approving card.
    expect(cardBehaviour('4111111111111111')).toEqual({ threeDs: false, auth: true, clearing: true, reverse: true, refund: true });
  });

  it('masks and brands like the gateway', () => {
    expect(maskPan('4716047261941981')).toBe('4716-04XX-XXXX-1981');
    expect(cardBrand('4716047261941981')).toBe('VI');
    expect(cardBrand('5367654276102126')).toBe('MC');
    expect(cardBrand('6224466455690681278')).toBe('UP');
  });
});

describe('card form checks', () => {
  it('accepts a good card and normalises it', () => {
    expect(checkCard(good, NOW)).toEqual({ card: { pan: '4716047261941981', expiry: '12/30', holder: 'IVAN IVANOV' }, errors: {} });
  });

  it('Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(checkCard({ ...good, pan: '4716047261941982' }, NOW).errors.pan).toMatch(/с ошибкой/);
    expect(checkCard({ ...good, pan: '12ab' }, NOW).errors.pan).toBeDefined();
    expect(checkCard({ ...good, pan: '' }, NOW).errors.pan).toBe('Введите номер карты');
  });

  it('expiry must be MM/YY and not in the past (this month is still valid)', () => {
    expect(checkCard({ ...good, expiry: '02/26' }, NOW).errors.expiry).toBe('Срок действия карты истёк');
    expect(checkCard({ ...good, expiry: '03/26' }, NOW).errors.expiry).toBeUndefined();
    expect(checkCard({ ...good, expiry: '13/30' }, NOW).errors.expiry).toMatch(/ММ\/ГГ/);
    expect(checkCard({ ...good, expiry: '1230' }, NOW).card?.expiry).toBe('12/30');
  });

  it('CVC is three digits, holder is required', () => {
    expect(checkCard({ ...good, cvc: '12' }, NOW).errors.cvc).toMatch(/три цифры/);
    expect(checkCard({ ...good, cvc: '1234' }, NOW).errors.cvc).toMatch(/три цифры/);
    expect(checkCard({ ...good, holder: '  ' }, NOW).errors.holder).toMatch(/владельца/);
  });
});
