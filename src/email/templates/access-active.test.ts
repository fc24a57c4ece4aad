import { describe, expect, it } from 'vitest';
import type { Company } from '../../company.js';
import { accessActiveEmail, type AccessActiveData } from './access-active.js';

const company: Company = {
  name: 'ООО «Услуги онлайн»',
  inn: '7700000000',
  ogrn: '1207700000000',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 000-00-00',
  email: 'hello@uslugi.example',
};

const data: AccessActiveData = {
  customerName: 'Иван Петров',
  login: 'client-4821',
  accountUrl: 'https://shop.example.ru/account',
};

describe('access active email', () => {
  it('says the address is confirmed, reminds the login and what to do if it was not you, in Russian', () => {
    const email = accessActiveEmail(data, company);
    expect(email.subject).toBe('Доступ в личный кабинет открыт');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Адрес электронной почты подтверждён, доступ в личный кабинет открыт.');
      expect(version).toContain('укажите логин client-4821 или адрес электронной почты');
      expect(version).toContain('https://shop.example.ru/account');
      expect(version).toContain('Если это были не вы, ответьте на это письмо или позвоните нам: +7 495 000-00-00.');
      expect(version).toContain('ИНН 7700000000, ОГРН 1207700000000');
    }
  });

  it('links to the account as a button and as a visible address, and loads nothing remote', () => {
    const { html } = accessActiveEmail(data, company);
    expect(html.match(/href="https:\/\/shop\.example\.ru\/account"/g)).toHaveLength(2);
    expect(html).toContain('>https://shop.example.ru/account</a>');
    expect(html).not.toMatch(/<img|<link|<script|<style|url\(/i);
  });

  it('escapes user data in the HTML', () => {
    const email = accessActiveEmail({ ...data, customerName: '<script>alert(1)</script>' }, company);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
