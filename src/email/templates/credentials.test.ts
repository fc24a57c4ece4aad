import { describe, expect, it } from 'vitest';
import type { Company } from '../../company.js';
import { credentialsEmail, type CredentialsData } from './credentials.js';

const company: Company = {
  name: 'ООО «Услуги онлайн»',
  inn: '7700000000',
  ogrn: '1207700000000',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 000-00-00',
  email: 'hello@uslugi.example',
};

const data: CredentialsData = {
  customerName: 'Иван Петров',
  login: 'client-4821',
  temporaryPassword: 'Xk7-pQ2m-9Lw',
  loginUrl: 'https://shop.example.ru/account/login',
  validUntil: new Date('2026-11-27T08:20:00Z'), // 11:20 in Moscow
};

describe('credentials email', () => {
  it('gives the login, the one-time password, its deadline and what to do next, in Russian', () => {
    const email = credentialsEmail(data, company);
    expect(email.subject).toBe('Доступ в личный кабинет');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('создали личный кабинет');
      expect(version).toContain('client-4821');
      expect(version).toContain('Xk7-pQ2m-9Lw');
      expect(version).toContain('действует один раз и только 72 часа');
      expect(version).toContain('до 27 ноября 2026 в 11:20 (мск)');
      expect(version).toContain('При первом входе вы зададите собственный пароль');
      expect(version).toContain('Вместо логина можно указать адрес электронной почты');
      expect(version).toContain('подтвердите адрес электронной почты по ссылке из следующего письма');
      expect(version).toContain('«Забыли пароль?»');
      expect(version).toContain('https://shop.example.ru/account/login');
      expect(version).toContain('ИНН 7700000000, ОГРН 1207700000000');
      expect(version).toContain('125009, г. Москва, ул. Тверская, д. 1, офис 1');
    }
  });

  it('links to the login page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = credentialsEmail(data, company);
    expect(html.match(/href="https:\/\/shop\.example\.ru\/account\/login"/g)).toHaveLength(2);
    expect(html).toContain('>https://shop.example.ru/account/login</a>');
    expect(html).not.toMatch(/<img|<link|<script|<style|url\(/i);
  });

  it('escapes user data in the HTML', () => {
    const email = credentialsEmail({ ...data, customerName: '<script>alert(1)</script>', login: '<b>x</b>' }, company);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>x</b>');
    expect(email.html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
