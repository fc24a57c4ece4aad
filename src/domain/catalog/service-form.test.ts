import { describe, expect, it } from 'vitest';
import { changedTerms, parseServiceForm, valuesOfService, type ServiceFormValues } from './service-form.js';

const fixed: ServiceFormValues = {
  slug: ' SEO-Audit ',
  title: 'SEO-аудит',
  summary: 'Проверим сайт',
  description: 'Абзац\r\n\r\n- пункт',
  price: '20 000',
  billing: 'fixed',
  included_hours: '5',
  hourly_rate: '3000',
  sort_order: '',
};
const hourly: ServiceFormValues = { ...fixed, slug: 'support', billing: 'hourly', price: '15 000,50', included_hours: '5', hourly_rate: '3 000' };

describe('parseServiceForm', () => {
  it('reads a fixed-price service and drops the hours and rate typed for it', () => {
    expect(parseServiceForm(fixed)).toEqual({
      ok: true,
      terms: {
        slug: 'seo-audit',
        title: 'SEO-аудит',
        summary: 'Проверим сайт',
        description: 'Абзац\n\n- пункт',
        priceKopecks: 2_000_000,
        billing: 'fixed',
        includedHours: null,
        hourlyRateKopecks: null,
        sortOrder: 0,
      },
    });
  });

  it('reads an hourly service with its included hours and rate', () => {
    const result = parseServiceForm(hourly);
    expect(result.ok && result.terms).toMatchObject({ priceKopecks: 1_500_050, billing: 'hourly', includedHours: 5, hourlyRateKopecks: 300_000 });
  });

  it('asks for the hours and the rate of an hourly service', () => {
    expect(parseServiceForm({ ...hourly, included_hours: '', hourly_rate: ' ' })).toEqual({
      ok: false,
      errors: {
        included_hours: 'Для почасовой услуги укажите, сколько часов входит в цену.',
        hourly_rate: 'Для почасовой услуги укажите цену дополнительного часа.',
      },
    });
    expect(parseServiceForm({ ...hourly, included_hours: '0', hourly_rate: '0' }).ok).toBe(false);
    expect(parseServiceForm({ ...hourly, included_hours: '2.5' }).ok).toBe(false);
  });

  it('explains every bad field at once', () => {
    const result = parseServiceForm({ slug: 'услуга', title: '', summary: '', description: ' ', price: '12,505', billing: 'monthly', sort_order: 'first' });
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? result.errors : {}).sort()).toEqual(['billing', 'description', 'price', 'slug', 'sort_order', 'summary', 'title']);
  });

  it.each(['a', '-seo', 'seo-', 'seo--audit', 'seo_audit', 'seo audit', 'x'.repeat(61)])('refuses the address %j', (slug) => {
    const result = parseServiceForm({ ...fixed, slug });
    expect(!result.ok && result.errors.slug).toBeTruthy();
  });

  it('shows a stored service back as it reads it', () => {
    const result = parseServiceForm(hourly);
    if (!result.ok) throw new Error('valid');
    expect(parseServiceForm(valuesOfService(result.terms))).toEqual(result);
  });
});

describe('changedTerms', () => {
  it('keeps only what changed, before and after', () => {
    const before = parseServiceForm(hourly);
    const after = parseServiceForm({ ...hourly, price: '16 000', title: 'Поддержка' });
    if (!before.ok || !after.ok) throw new Error('valid');
    expect(changedTerms(before.terms, after.terms)).toEqual({
      before: { title: 'SEO-аудит', priceKopecks: 1_500_050 },
      after: { title: 'Поддержка', priceKopecks: 1_600_000 },
    });
  });
});
