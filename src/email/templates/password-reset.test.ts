import { describe, expect, it } from 'vitest';
import type { Company } from '../../company.js';
import { passwordResetEmail, type PasswordResetData } from './password-reset.js';

const company: Company = {
  name: 'ООО «Услуги онлайн»',
  inn: '7700000000',
  ogrn: '1207700000000',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 000-00-00',
  email: 'hello@uslugi.example',
};

const data: PasswordResetData = {
  customerName: 'Иван Петров',
  resetUrl: 'https://shop.example.ru/account/reset?token=abc123',
  validUntil: new Date('2026-11-24T09:20:00Z'), // 12:20 in Moscow
};

describe('password reset email', () => {
  it('gives a one-time link, its deadline and what to do if you did not ask, in Russian', () => {
    const email = passwordResetEmail(data, company);
    expect(email.subject).toBe('Восстановление пароля');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('восстановление пароля');
      expect(version).toContain('Ссылка действует один раз и только 1 час — до 24 ноября 2026 в 12:20 (мск).');
      expect(version).toContain('пароль останется прежним');
      expect(version).toContain('https://shop.example.ru/account/reset?token=abc123');
      expect(version).toContain('ИНН 7700000000, ОГРН 1207700000000');
    }
  });

  it('links to the reset page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = passwordResetEmail(data, company);
    expect(html.match(/href="https:\/\/shop\.example\.ru\/account\/reset\?token=abc123"/g)).toHaveLength(2);
    expect(html).toContain('>https://shop.example.ru/account/reset?token=abc123</a>');
    expect(html).not.toMatch(/<img|<link|<script|<style|url\(/i);
  });

  it('escapes user data in the HTML', () => {
    const email = passwordResetEmail({ ...data, customerName: '<script>alert(1)</script>' }, company);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
