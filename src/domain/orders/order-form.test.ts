import { describe, expect, it } from 'vitest';
import { validateOrderForm } from './order-form.js';

const valid = {
  name: 'Анна-Мария О’Нил',
  email: 'Anna@Example.RU',
  phone: '8 (912) 345-67-89',
  comment: '  Нужен лендинг  ',
  accept_offer: 'on',
  consent_pd: 'on',
};

describe('validateOrderForm', () => {
  it('accepts a valid form and normalises it', () => {
    expect(validateOrderForm(valid)).toMatchObject({
      ok: true,
      order: {
        name: 'Анна-Мария О’Нил',
        email: 'anna@example.ru',
        phone: '+79123456789',
        comment: 'Нужен лендинг',
        marketingOptIn: false,
      },
    });
  });

  it('collapses spaces in the name and treats an empty comment as none', () => {
    const result = validateOrderForm({ ...valid, name: '  Ivan   Petrov ', comment: '   ', marketing: 'on' });
    expect(result).toMatchObject({ ok: true, order: { name: 'Ivan Petrov', comment: null, marketingOptIn: true } });
  });

  it('names every missing field in Russian', () => {
    const result = validateOrderForm({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['accept_offer', 'consent_pd', 'email', 'name', 'phone']);
    for (const message of Object.values(result.errors)) expect(message).toMatch(/[А-Яа-я]/);
  });

  it.each([
    ['name', 'A'],
    ['name', 'x'.repeat(101)],
    ['name', 'Иван2'],
    ['name', '<script>alert(1)</script>'],
    ['name', 'Иван-'],
    ['email', 'anna@example'],
    ['email', 'anna@@example.ru'],
    ['email', 'an na@example.ru'],
    ['email', `${'a'.repeat(250)}@ex.ru`],
    ['email', '"><svg/onload=alert(1)>@example.ru'],
    ['email', 'иван@пример.рф'],
    ['phone', '12345'],
    ['comment', 'я'.repeat(2001)],
  ])('rejects %s = %j and keeps the typed values', (field, value) => {
    const result = validateOrderForm({ ...valid, [field]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.values[field as 'name']).toBe(value);
  });

  it('requires the offer and the personal-data consent separately', () => {
    const noConsent = validateOrderForm({ ...valid, consent_pd: undefined });
    expect(noConsent).toMatchObject({ ok: false, errors: { consent_pd: expect.any(String) } });
    const noOffer = validateOrderForm({ ...valid, accept_offer: 'off' });
    expect(noOffer).toMatchObject({ ok: false, errors: { accept_offer: expect.any(String) } });
  });

  it('ignores non-string values instead of crashing', () => {
    const result = validateOrderForm({ ...valid, name: ['a', 'b'], email: { x: 1 } });
    expect(result).toMatchObject({ ok: false, errors: { name: expect.any(String), email: expect.any(String) } });
  });
});
