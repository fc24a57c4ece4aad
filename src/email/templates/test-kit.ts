// Shared by the template tests: the seller they render with and the checks every email must pass.
import { expect } from 'vitest';
import type { Company } from '../../company.js';
import { wordingsWith } from '../../domain/content/email-wording.js';
import type { EmailSender } from './sender.js';
import type { EmailContent } from './content.js';

export const company: Company = {
  name: 'ООО «Услуги онлайн»',
  inn: '7700000000',
  ogrn: '1207700000000',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 000-00-00',
  email: 'hello@uslugi.example',
  kpp: '770001001',
  bank: null,
};

/** The seller with the default wording (nobody edited it). */
export const sender: EmailSender = { company, emails: wordingsWith({}) };

/** A customer name that would run a script if the HTML did not escape it. */
export const scriptName = '<script>alert(1)</script>';

/** Both versions end with the seller's legal details. */
export function expectFooter(email: EmailContent): void {
  for (const version of [email.html, email.text]) {
    expect(version).toContain('ИНН 7700000000, ОГРН 1207700000000');
    expect(version).toContain('125009, г. Москва, ул. Тверская, д. 1, офис 1');
  }
}

/** The HTML links to url twice: as the button and as the visible address. */
export function expectLinkTwice(html: string, url: string): void {
  expect(html.split(`href="${url}"`).length - 1).toBe(2);
  expect(html).toContain(`>${url}</a>`);
}

/** No images, external styles or scripts: nothing for the mail client to load. */
export function expectNothingRemote(html: string): void {
  expect(html).not.toMatch(/<img|<link|<script|<style|url\(/i);
}

/** The HTML shows `scriptName`, and any other markup given, as text, never as tags. */
export function expectEscaped(html: string, ...otherMarkup: string[]): void {
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script>alert(1)&lt;/script>');
  for (const markup of otherMarkup) {
    expect(html).not.toContain(markup);
    expect(html).toContain(markup.replaceAll('<', '&lt;'));
  }
}
