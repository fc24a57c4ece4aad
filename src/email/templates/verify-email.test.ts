import { describe, expect, it } from 'vitest';
import type { Company } from '../../company.js';
import { verifyEmailEmail, type VerifyEmailData } from './verify-email.js';

const company: Company = {
  name: 'ООО «Услуги онлайн»',
  inn: '7700000000',
  ogrn: '1207700000000',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 000-00-00',
  email: 'hello@uslugi.example',
};

const data: VerifyEmailData = {
  customerName: 'Иван Петров',
  verifyUrl: 'https://shop.example.ru/account/verify?token=abc123',
  validUntil: new Date('2026-11-27T08:20:00Z'), // 11:20 in Moscow
};

describe('verify email email', () => {
  it('asks to confirm the address, says until when, and what to do if it was not you, in Russian', () => {
    const email = verifyEmailEmail(data, company);
    expect(email.subject).toBe('Подтвердите адрес электронной почты');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('подтвердите, пожалуйста, адрес электронной почты');
      expect(version).toContain('кнопку «Подтвердить»');
      expect(version).toContain('Ссылка действует 72 часа — до 27 ноября 2026 в 11:20 (мск).');
      expect(version).toContain('Если вы ничего у нас не заказывали');
      expect(version).toContain('ИНН 7700000000, ОГРН 1207700000000');
    }
    expect(email.text).toContain('https://shop.example.ru/account/verify?token=abc123');
    expect(email.html).toContain('https://shop.example.ru/account/verify?token=abc123');
  });

  it('links to the confirmation page as a button and as a visible address, and loads nothing remote', () => {
    const { html } = verifyEmailEmail(data, company);
    expect(html.match(/href="https:\/\/shop\.example\.ru\/account\/verify\?token=abc123"/g)).toHaveLength(2);
    expect(html).toContain('>https://shop.example.ru/account/verify?token=abc123</a>');
    expect(html).not.toMatch(/<img|<link|<script|<style|url\(/i);
  });

  it('escapes user data in the HTML', () => {
    const email = verifyEmailEmail({ ...data, customerName: '<script>alert(1)</script>' }, company);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script>alert(1)&lt;/script>');
  });
});
