import { describe, expect, it } from 'vitest';
import { specificationAgreedEmail, type SpecificationAgreedData } from './specification-agreed.js';
import { sender, expectEscaped, expectFooter, expectLinkTwice, expectNothingRemote, scriptName } from './test-kit.js';

const data: SpecificationAgreedData = {
  customerName: 'Иван Петров',
  serviceTitle: 'Техническая поддержка сайта',
  orderNumber: 'У-1042',
  text: 'Обновить CMS до последней версии.\n\n- настроить резервные копии\n- проверить формы',
  agreedMinutes: 450,
  orderUrl: 'https://shop.example.ru/account/orders/AbCdEf123',
  revised: false,
};

describe('specification agreed email', () => {
  it('gives the text line by line, the hours and the link to the order in the account', () => {
    const email = specificationAgreedEmail(data, sender);
    expect(email.subject).toBe('Спецификация по заказу У-1042 согласована: Техническая поддержка сайта');
    for (const version of [email.html, email.text]) {
      expect(version).toContain('Здравствуйте, Иван Петров!');
      expect(version).toContain('Мы согласовали с вами спецификацию по заказу:');
      expect(version).toContain('Заказ У-1042: Техническая поддержка сайта');
      expect(version).toContain('Обновить CMS до последней версии.');
      expect(version).toContain('- настроить резервные копии');
      expect(version).toContain('- проверить формы');
      expect(version).toContain('Согласованный объём работ: 7,5\u00a0ч');
    }
    expect(email.html.match(/<p /g)?.length).toBeGreaterThanOrEqual(3);
    expectFooter(email);
  });

  it('says when it replaces an earlier version, and leaves out zero hours', () => {
    const email = specificationAgreedEmail({ ...data, revised: true, agreedMinutes: 0 }, sender);
    expect(email.text).toContain('Мы обновили согласованную спецификацию по вашему заказу; она заменяет предыдущую.');
    expect(email.html).toContain('Спецификация обновлена');
    expect(email.text).not.toContain('Согласованный объём работ');
  });

  it('links to the order as a button and as an address, and loads nothing remote', () => {
    const { html } = specificationAgreedEmail(data, sender);
    expectLinkTwice(html, data.orderUrl);
    expectNothingRemote(html);
  });

  it('escapes the specification and the name', () => {
    const html = specificationAgreedEmail({ ...data, customerName: scriptName, text: '<b>жирный</b>' }, sender).html;
    expectEscaped(html, '<b>жирный</b>');
  });
});
