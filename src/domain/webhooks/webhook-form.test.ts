import { describe, expect, it } from 'vitest';
import { money, webhookBody } from './webhook-events.js';
import { checkEndpointForm, webhookUrlProblem } from './webhook-form.js';

const production = { production: true };
const development = { production: false };

describe('webhook endpoint addresses', () => {
  it('takes https anywhere', () => {
    expect(webhookUrlProblem('https://crm.example.ru/hooks/uslugi?x=1', production)).toBeNull();
    expect(webhookUrlProblem('https://crm.example.ru/hooks/uslugi', development)).toBeNull();
  });

  it('takes plain http only to loopback, and only outside production', () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]:9000/']) {
      expect(webhookUrlProblem(url, development)).toBeNull();
      expect(webhookUrlProblem(url, production)).toMatch(/Только https/);
    }
    expect(webhookUrlProblem('http://crm.example.ru/hook', development)).toMatch(/только для этого компьютера/);
    expect(webhookUrlProblem('http://10.0.0.5/hook', development)).toMatch(/только для этого компьютера/);
  });

  it('refuses credentials in the address, fragments, other schemes and non-addresses', () => {
    expect(webhookUrlProblem('https://user:secret@crm.example.ru/hook', production)).toMatch(/Логин и пароль/);
    expect(webhookUrlProblem('https://user@crm.example.ru/hook', production)).toMatch(/Логин и пароль/);
    expect(webhookUrlProblem('https://crm.example.ru/hook#x', production)).toMatch(/«#»/);
    expect(webhookUrlProblem('ftp://crm.example.ru/hook', development)).toMatch(/https:\/\//);
    expect(webhookUrlProblem('javascript:alert(1)', development)).toMatch(/https:\/\//);
    expect(webhookUrlProblem('crm.example.ru/hook', development)).toMatch(/Это не адрес/);
    expect(webhookUrlProblem('', development)).toMatch(/Укажите адрес/);
    expect(webhookUrlProblem(`https://crm.example.ru/${'a'.repeat(2000)}`, development)).toMatch(/Не длиннее/);
  });
});

describe('the endpoint form', () => {
  it('keeps known events once each and normalises the address', () => {
    expect(checkEndpointForm({ name: ' Битрикс24 ', url: 'https://CRM.example.ru/hook', events: ['order.paid', 'client.created', 'order.paid'] }, production)).toEqual({
      ok: true,
      value: { name: 'Битрикс24', url: 'https://crm.example.ru/hook', events: ['order.paid', 'client.created'] },
    });
    expect(checkEndpointForm({ name: 'CRM', url: 'https://crm.example.ru/', events: 'order.paid' }, production)).toMatchObject({ ok: true, value: { events: ['order.paid'] } });
  });

  it('refuses no events, unknown events (ping is not subscribable) and a missing name', () => {
    const result = checkEndpointForm({ name: '', url: 'https://crm.example.ru/', events: ['order.paid', 'ping'] }, production);
    expect(result).toMatchObject({ ok: false, errors: { name: expect.any(String), events: 'Выберите хотя бы одно событие.' } });
    expect(checkEndpointForm({ name: 'CRM', url: 'https://crm.example.ru/' }, production)).toMatchObject({ ok: false, errors: { events: expect.any(String) } });
  });
});

describe('the event body', () => {
  it('gives sums in kopecks and as a roubles string without floating point', () => {
    expect(money(1500000)).toEqual({ kopecks: 1500000, roubles: '15000.00' });
    expect(money(29)).toEqual({ kopecks: 29, roubles: '0.29' });
    expect(money(123405)).toEqual({ kopecks: 123405, roubles: '1234.05' });
  });

  it('is the same bytes every time it is built from the stored event', () => {
    const event = { id: '0d3f6a52-8a3c-4b8e-9a51-3f0f2a6a1c77', type: 'ping', version: 1, data: { message: 'Тест' }, createdAt: new Date('2026-11-24T07:15:03.120Z') };
    expect(webhookBody(event)).toBe('{"id":"0d3f6a52-8a3c-4b8e-9a51-3f0f2a6a1c77","type":"ping","version":1,"created_at":"2026-11-24T07:15:03.120Z","data":{"message":"Тест"}}');
    expect(webhookBody({ ...event })).toBe(webhookBody(event));
  });
});
