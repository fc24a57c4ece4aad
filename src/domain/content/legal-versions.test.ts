import { describe, expect, it } from 'vitest';
import { acceptedVersions, checkNewVersion, editionLabel, publishedVersions, versionInEffect, type LegalVersion } from './legal-versions.js';

const text = `## 1. Предмет\n${'Исполнитель оказывает услуги. '.repeat(10)}\n\n{реквизиты}`;
const version = (document: LegalVersion['document'], effectiveDate: string, effectiveFrom = `${effectiveDate}T00:00:00+03:00`): LegalVersion => ({
  document,
  effectiveDate,
  effectiveFrom: new Date(effectiveFrom),
  body: text,
});
const versions = [version('offer', '2026-11-23'), version('offer', '2026-12-06'), version('offer', '2027-01-01'), version('privacy', '2026-11-23'), version('consent', '2026-11-23')];

describe('legal text versions', () => {
  it('labels a version by its date, never by its id', () => {
    expect(editionLabel('2026-11-23')).toBe('Редакция от 23 ноября 2026 г.');
    expect(editionLabel('2027-01-01')).toBe('Редакция от 1 января 2027 г.');
  });

  it('takes a version into effect at 00:00 Moscow time of its date, not before', () => {
    expect(versionInEffect(versions, 'offer', new Date('2026-12-05T20:59:59Z'))?.effectiveDate).toBe('2026-11-23');
    expect(versionInEffect(versions, 'offer', new Date('2026-12-05T21:00:00Z'))?.effectiveDate).toBe('2026-12-06');
    expect(versionInEffect(versions, 'offer', new Date('2027-03-01T00:00:00Z'))?.effectiveDate).toBe('2027-01-01');
    // Before the first version: the first one (there is always a text to show and to record).
    expect(versionInEffect(versions, 'offer', new Date('2025-01-01T00:00:00Z'))?.effectiveDate).toBe('2026-11-23');
  });

  it('publishes the versions in effect and before, newest first, never one still to come', () => {
    expect(publishedVersions(versions, 'offer', new Date('2026-12-10T00:00:00Z')).map((v) => v.effectiveDate)).toEqual(['2026-12-06', '2026-11-23']);
  });

  it('records what an order accepts, the privacy policy marked when Metrika is on', () => {
    const now = new Date('2026-12-10T00:00:00Z');
    expect(acceptedVersions(versions, now, { metrika: false })).toEqual({ offer: 'offer-2026-12-06', privacy: 'privacy-2026-11-23', consent: 'consent-2026-11-23' });
    expect(acceptedVersions(versions, now, { metrika: true }).privacy).toBe('privacy-2026-11-23+metrika');
  });

  describe('a new version', () => {
    const now = new Date('2026-12-10T15:00:00+03:00');
    const check = (effectiveDate: string, body = text) => checkNewVersion(versions, { document: 'offer', effectiveDate, body, metrikaBlockAllowed: false }, now);

    it('for today takes effect at once; for a later day, at its midnight in Moscow', () => {
      expect(check('10.12.2026')).toMatchObject({ ok: true, replaces: false, version: { effectiveDate: '2026-12-10', effectiveFrom: now } });
      expect(check('2026-12-11')).toMatchObject({ ok: true, version: { effectiveDate: '2026-12-11', effectiveFrom: new Date('2026-12-10T21:00:00Z') } });
    });

    it('replaces a version not yet in effect, and never one in effect', () => {
      expect(check('01.01.2027')).toMatchObject({ ok: true, replaces: true });
      const later = checkNewVersion([...versions, version('offer', '2026-12-10', '2026-12-10T12:00:00+03:00')], { document: 'offer', effectiveDate: '2026-12-10', body: text, metrikaBlockAllowed: false }, now);
      expect(later).toEqual({ ok: false, errors: { effective_date: 'Редакция от 10 декабря 2026 г. уже действует, и клиенты могли её принять. Укажите завтрашнюю или более позднюю дату.' } });
    });

    it('refuses a past date, a date a year away, a bad date and a bad text, in Russian', () => {
      expect(check('09.12.2026')).toMatchObject({ ok: false, errors: { effective_date: expect.stringContaining('Дата уже прошла') } });
      expect(check('01.02.2028')).toMatchObject({ ok: false, errors: { effective_date: expect.stringContaining('не больше чем на год') } });
      expect(check('31.02.2027')).toMatchObject({ ok: false, errors: { effective_date: expect.stringContaining('Укажите дату') } });
      expect(check('2027-01-02', 'Коротко.')).toMatchObject({ ok: false, errors: { body: expect.stringContaining('слишком короткий') } });
      expect(check('2027-01-02', `${text}\n\n{метрика}`)).toMatchObject({ ok: false, errors: { body: expect.stringContaining('только в политике') } });
      expect(check('2027-01-02', `${text} {телефон компании}`)).toMatchObject({ ok: false, errors: { body: expect.stringContaining('Неизвестная подстановка {телефон компании}') } });
      expect(check('2027-01-02', `${text} <b>жирно</b>`)).toMatchObject({ ok: false, errors: { body: expect.stringContaining('HTML-теги не нужны') } });
    });
  });
});
