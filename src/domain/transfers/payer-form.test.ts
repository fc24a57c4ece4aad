import { describe, expect, it } from 'vitest';
import { validateOrderForm } from '../orders/order-form.js';
import { checkPayer } from './payer-form.js';

const organisation = { payer: 'company', company_name: 'ООО «Ромашка»', inn: '7736207543', kpp: '770401001', legal_address: '119021, г. Москва, ул. Льва Толстого, д. 16' };
const soleTrader = { payer: 'company', company_name: 'ИП Иванов Иван Иванович', inn: '500123456750', kpp: '', legal_address: '141400, г. Химки, ул. Московская, д. 1' };

describe('checkPayer', () => {
  it('a person pays by card: no payer, whatever the company fields hold', () => {
    expect(checkPayer({ payer: 'person', inn: '123' }, true)).toEqual({ ok: true, payer: null });
    expect(checkPayer({}, true)).toEqual({ ok: true, payer: null });
  });

  it('an organisation: a 10-digit ИНН with its КПП', () => {
    expect(checkPayer(organisation, true)).toEqual({
      ok: true,
      payer: { companyName: 'ООО «Ромашка»', inn: '7736207543', kpp: '770401001', legalAddress: '119021, г. Москва, ул. Льва Толстого, д. 16' },
    });
  });

  it('a sole trader: a 12-digit ИНН and no КПП', () => {
    expect(checkPayer(soleTrader, true)).toMatchObject({ ok: true, payer: { inn: '500123456750', kpp: null } });
  });

  it('takes numbers pasted with spaces', () => {
    expect(checkPayer({ ...organisation, inn: '7736 207 543', kpp: ' 7704 01001 ' }, true)).toMatchObject({ ok: true, payer: { inn: '7736207543', kpp: '770401001' } });
  });

  it.each([
    ['inn', { inn: '' }, 'Укажите ИНН'],
    ['inn', { inn: '77362075' }, '10 цифр у организации или 12 у ИП'],
    ['inn', { inn: '7736207544' }, 'контрольная цифра не сходится'],
    ['inn', { ...soleTrader, inn: '500123456751' }, 'контрольная цифра не сходится'],
    ['kpp', { kpp: '' }, 'Укажите КПП организации'],
    ['kpp', { kpp: '77040100' }, 'КПП — 9 символов'],
    ['kpp', { ...soleTrader, kpp: '770401001' }, 'У ИП нет КПП'],
    ['company_name', { company_name: ' ' }, 'Укажите название организации или ИП'],
    ['legal_address', { legal_address: 'Москва' }, 'юридический адрес'],
  ])('says what is wrong with %s (%o)', (field, change, message) => {
    const result = checkPayer({ ...organisation, ...change }, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[field as keyof typeof result.errors]).toContain(message);
  });

  it('refuses a company payer while the seller has no bank details to print', () => {
    expect(checkPayer(organisation, false)).toEqual({ ok: false, errors: { payer: expect.stringContaining('Оплата по счёту сейчас недоступна') } });
  });
});

describe('the order form with a company payer', () => {
  const contact = { name: 'Иван Петров', email: 'ivan@example.ru', phone: '+7 912 345-67-89', accept_offer: 'on', consent_pd: 'on' };

  it('carries the payer into the order', () => {
    const result = validateOrderForm({ ...contact, ...organisation }, { transfersOffered: true });
    expect(result).toMatchObject({ ok: true, order: { email: 'ivan@example.ru', payer: { inn: '7736207543' } } });
  });

  it('shows the payer errors after the contact ones, with the typed values kept', () => {
    const result = validateOrderForm({ ...contact, name: '', ...organisation, inn: '1234567890' }, { transfersOffered: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['name', 'inn']);
    expect(result.values).toMatchObject({ payer: 'company', inn: '1234567890', company_name: 'ООО «Ромашка»' });
  });

  it('a person by default', () => {
    expect(validateOrderForm(contact)).toMatchObject({ ok: true, order: { payer: null } });
  });
});
