import { describe, expect, it } from 'vitest';
import { validCompany } from '../../../tests/helpers/company.js';
import { parseCompanyForm } from './company-details.js';


describe('the company details form', () => {
  it('accepts real details, with numbers pasted with spaces', () => {
    const result = parseCompanyForm({ ...validCompany, settlement_account: '40702 810 9 3800 0000001' });
    expect(result).toEqual({
      ok: true,
      company: {
        name: 'ООО «Услуги онлайн»',
        inn: '7707083893',
        kpp: '773601001',
        ogrn: '1027700132195',
        address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
        phone: '+7 495 123-45-67',
        email: 'hello@uslugi.example',
        bank: { name: 'ПАО Сбербанк', bik: '044525225', correspondentAccount: '30101810400000000225', settlementAccount: '40702810938000000001' },
      },
    });
  });

  it('says in Russian what is wrong with each field', () => {
    const result = parseCompanyForm({ ...validCompany, inn: '7707083894', ogrn: '1027700132196', settlement_account: '40702810938000000002', phone: 'звоните', email: 'нет' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.inn).toBe('В ИНН ошибка: контрольная цифра не сходится. Сверьте номер со свидетельством или выпиской.');
    expect(result.errors.ogrn).toContain('контрольная цифра не сходится');
    expect(result.errors.settlement_account).toContain('не сходится с БИК');
    expect(result.errors.phone).toContain('Укажите телефон');
    expect(result.errors.email).toContain('Укажите адрес электронной почты');
    expect(result.errors.name).toBeUndefined();
  });

  it('wants a КПП from an organisation and none from an individual entrepreneur, with the matching ОГРН', () => {
    const noKpp = parseCompanyForm({ ...validCompany, kpp: '' });
    expect(noKpp.ok || noKpp.errors.kpp).toBe('У организации есть КПП: укажите его, 9 знаков.');
    const ip = { ...validCompany, name: 'ИП Иванов Иван Иванович', inn: '500100732259', ogrn: '304500116000157' };
    const withKpp = parseCompanyForm(ip);
    expect(withKpp.ok || withKpp.errors.kpp).toBe('У индивидуального предпринимателя нет КПП: оставьте поле пустым.');
    const entrepreneur = parseCompanyForm({ ...ip, kpp: '' });
    expect(entrepreneur.ok && entrepreneur.company.kpp).toBeNull();
    const mismatched = parseCompanyForm({ ...ip, kpp: '', ogrn: '1027700132195' });
    expect(mismatched.ok || mismatched.errors.ogrn).toBe('У индивидуального предпринимателя (ИНН из 12 цифр) ОГРНИП из 15 цифр.');
  });

  it('refuses the demo settings’ INN, whose control digit is wrong', () => {
    const result = parseCompanyForm({ ...validCompany, inn: '7700000000' });
    expect(result.ok || result.errors.inn).toContain('контрольная цифра');
  });
});
