import { describe, expect, it } from 'vitest';
import type { Company } from '../../company.js';
import { serviceAddedEmail, type ServiceAddedData } from './service-added.js';

const company: Company = {
  name: 'ООО «Услуги онлайн»',
  inn: '7700000000',
  ogrn: '1207700000000',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 000-00-00',
  email: 'hello@uslugi.example',
};

const data: ServiceAddedData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Поддержка сайта',
  accountUrl: 'https://shop.example.ru/account',
};

describe('service added email', () => {
  it('says the service is in the existing account and no new password is issued, in Russian', () => {
    const email = serviceAddedEmail(data, company);
    expect(email.subject).toBe('Услуга добавлена в личный кабинет: Поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Оплаченная услуга добавлена в ваш личный кабинет');
      expect(version).toContain('Поддержка сайта');
      expect(version).toContain('обычными логином и паролем');
      expect(version).toContain('новый пароль не нужен');
      expect(version).toContain('https://shop.example.ru/account');
      expect(version).toContain('ИНН 7700000000, ОГРН 1207700000000');
    }
  });

  it('links to the account as a button and as a visible address, and loads nothing remote', () => {
    const { html } = serviceAddedEmail(data, company);
    expect(html.match(/href="https:\/\/shop\.example\.ru\/account"/g)).toHaveLength(2);
    expect(html).toContain('>https://shop.example.ru/account</a>');
    expect(html).not.toMatch(/<img|<link|<script|<style|url\(/i);
  });

  it('escapes user data in the HTML and keeps the subject on one line', () => {
    const email = serviceAddedEmail({ ...data, customerName: '<script>alert(1)</script>', serviceTitle: 'Сайт\r\nBcc: x@evil.example' }, company);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(email.subject).toBe('Услуга добавлена в личный кабинет: Сайт Bcc: x@evil.example');
  });
});
