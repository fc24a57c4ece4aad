import { describe, expect, it } from 'vitest';
import { isTildaTest, parseTildaLead } from './tilda-lead.js';

describe('a Tilda form as a lead', () => {
  it('reads Tilda field names, normalises the phone and the email, and keeps the ids and UTM tags', () => {
    expect(
      parseTildaLead({
        Name: '  Анна   Смирнова ',
        Phone: '8 (912) 345-67-89',
        Email: 'Anna@Example.RU',
        Comments: 'Позвоните после 15:00',
        service: 'Аудит сайта',
        tranid: '5771302:3372401',
        formid: 'form123456',
        utm_source: 'tilda',
      }),
    ).toEqual({
      ok: true,
      lead: {
        name: 'Анна Смирнова',
        phone: '+79123456789',
        email: 'anna@example.ru',
        comment: 'Позвоните после 15:00',
        service: 'Аудит сайта',
        externalId: '5771302:3372401',
        formId: 'form123456',
        utm: { utm_source: 'tilda' },
      },
    });
  });

  it('needs a name and a phone; email, comment and service may be absent', () => {
    expect(parseTildaLead({ name: 'Олег', phone: '+7 912 000-11-22' })).toMatchObject({ ok: true, lead: { email: null, comment: null, service: null, externalId: null } });
    expect(parseTildaLead({})).toEqual({ ok: false, errors: { name: 'Нет имени (поле Name).', phone: 'Нет телефона (поле Phone).' } });
    expect(parseTildaLead({ Name: 'Олег', Phone: '12', Email: 'not-an-email' })).toEqual({
      ok: false,
      errors: { phone: 'Телефон не распознан (поле Phone): нужен номер вида +7 912 345-67-89.', email: 'Адрес почты не распознан (поле Email).' },
    });
  });

  it("ignores a tranid that is not an id, and recognises Tilda's connection test", () => {
    expect(parseTildaLead({ Name: 'Олег', Phone: '+79120001122', tranid: '<script>' })).toMatchObject({ ok: true, lead: { externalId: null } });
    expect(isTildaTest({ test: 'test' })).toBe(true);
    expect(isTildaTest({ Name: 'test' })).toBe(false);
  });
});
