import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerFrom } from '../../src/actions/receipts/queue-receipt.js';
import { auditLog, companyDetails, emails, legalVersions } from '../../src/db/schema/index.js';
import { validCompany } from '../helpers/company.js';
import { paidOrder } from '../helpers/accounts.js';
import { orderSentToGateway } from '../helpers/payments.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

// The owner edits what clients read (issue 17): company details, legal texts as dated versions, and the
// emails' wording — admins only, audited, and in use at once.

const offerText = (marker: string) =>
  `## 1. Предмет договора\n${'Исполнитель оказывает услуги, а Заказчик оплачивает их по цене на странице услуги. '.repeat(3)}${marker}\n\n## 2. Реквизиты\n\n{реквизиты}`;

describe.each(backends)('back office: texts and company details on %s', (backend) => {
  let t: TestApp;
  let admin: Visitor;
  // Thursday 10 December 2026, noon in Moscow: the model texts of 6 December are in effect.
  const clock = manualClock(new Date('2026-12-10T12:00:00+03:00'));

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    admin = (await staffBrowser(t, 'admin')).browser;
  });
  afterAll(() => t.close());

  const lastAudit = async () => (await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
  const site = () => visitor(t.app);

  it('is for admins only', async () => {
    expect((await admin.get('/admin/content')).statusCode).toBe(200);
    for (const role of ['manager', 'accountant'] as const) {
      const { browser } = await staffBrowser(t, role);
      expect((await browser.get('/admin/content')).statusCode).toBe(403);
      expect((await browser.get('/admin/content/company')).statusCode).toBe(403);
      expect((await browser.post('/admin/content/company', validCompany, '/admin')).statusCode).toBe(403);
      expect((await browser.post('/admin/content/legal/offer', { effective_date: '11.12.2026', body: offerText('x') }, '/admin')).statusCode).toBe(403);
      expect((await browser.post('/admin/content/emails/order_paid', { greeting: 'Привет!', sign_off: '', paragraph: '' }, '/admin')).statusCode).toBe(403);
    }
    expect(await t.deps.db.$count(companyDetails)).toBe(0);
  });

  it('starts from the COMPANY_* settings and refuses wrong details in Russian, saving nothing', async () => {
    const form = await admin.get('/admin/content/company');
    expect(form.body).toContain('value="7700000000"');
    expect(form.body).toContain('Реквизиты ещё не сохранялись');
    const audits = await t.deps.db.$count(auditLog);
    const refused = await admin.post('/admin/content/company', { ...validCompany, inn: '7707083894', bik: '12345', phone: '+7 495 765-43-21' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('В ИНН ошибка: контрольная цифра не сходится. Сверьте номер со свидетельством или выпиской.');
    expect(refused.body).toContain('БИК — 9 цифр, у российских банков он начинается с 04.');
    expect(refused.body).toContain('value="+7 495 765-43-21"'); // what was typed stays in the form
    expect(await t.deps.db.$count(companyDetails)).toBe(0);
    expect(await t.deps.db.$count(auditLog)).toBe(audits);
    expect((await site().get('/')).body).toContain('+7 495 000-00-00');
  });

  it('saves the details: the footer, the legal texts, the emails and the receipts use them at once, audited', async () => {
    const saved = await admin.post('/admin/content/company', { ...validCompany, phone: '+7 495 765-43-21' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/content/company?done=saved');
    expect(await lastAudit()).toMatchObject({
      action: 'content.company_saved',
      entity: 'company_details',
      details: { changed: { phone: { before: '+7 495 000-00-00', after: '+7 495 765-43-21' }, inn: { before: '7700000000', after: '7707083893' } } },
    });

    const home = await site().get('/');
    expect(home.body).toContain('+7 495 765-43-21');
    expect(home.body).toContain('ИНН 7707083893');
    expect(home.body).not.toContain('+7 495 000-00-00');
    const offer = await site().get('/legal/offer');
    expect(offer.body).toContain('КПП 773601001');
    expect(offer.body).toContain('расчётный счёт 40702810938000000001 в ПАО Сбербанк, БИК 044525225, корреспондентский счёт 30101810400000000225');
    expect(sellerFrom(t.deps)).toMatchObject({ inn: '7707083893', email: 'hello@uslugi.example' });

    const order = await paidOrder(t, { email: 'footer@example.ru' });
    const [confirmation] = await t.deps.db.select().from(emails).where(and(eq(emails.orderId, order.id), eq(emails.kind, 'order_confirmation')));
    expect(confirmation!.text).toContain('позвоните нам: +7 495 765-43-21');
    expect(confirmation!.text).toContain('ООО «Услуги онлайн», ИНН 7707083893');

    const again = await admin.post('/admin/content/company', { ...validCompany, phone: '+7 495 765-43-21' });
    expect(again.headers.location).toBe('/admin/content/company?done=unchanged');
  });

  it('publishes an offer for tomorrow: today the site and new orders keep the version in effect', async () => {
    const today = await site().get('/legal/offer');
    expect(today.body).toContain('<p class="legal-version">Редакция от 6 декабря 2026 г.</p>');
    expect(today.body).not.toContain('offer-2026');
    const before = (await orderSentToGateway(t, 'site-support', { email: 'before@example.ru' })).order;
    expect(before.offerVersion).toBe('offer-2026-12-06');

    const published = await admin.post('/admin/content/legal/offer', { effective_date: '11.12.2026', body: offerText('Кофе подаётся бесплатно.') }, '/admin/content/legal/offer');
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/admin/content/legal/offer?done=published&date=2026-12-11');
    expect(await lastAudit()).toMatchObject({ action: 'content.legal_version_published', entity: 'legal_version', entityId: 'offer-2026-12-11' });
    const history = await admin.get(String(published.headers.location));
    expect(history.body).toContain('Опубликована редакция от 11 декабря 2026 г.</p>');
    expect(history.body).toContain('ещё не действует');
    expect(history.body).toContain('типовой образец — проверить с юристом');

    const stillToday = await site().get('/legal/offer');
    expect(stillToday.body).toContain('Редакция от 6 декабря 2026 г.');
    expect(stillToday.body).not.toContain('Кофе подаётся бесплатно.');
    expect((await site().get('/legal/offer/2026-12-11')).statusCode).toBe(404);
    expect((await orderSentToGateway(t, 'site-support', { email: 'today@example.ru' })).order.offerVersion).toBe('offer-2026-12-06');
  });

  it('takes the new offer into effect at midnight in Moscow; the old one stays readable and orders keep what they accepted', async () => {
    clock.advance(12 * 3_600_000); // 00:00 on 11 December, Moscow
    admin = (await staffBrowser(t, 'admin')).browser; // the old session has long been idle
    const offer = await site().get('/legal/offer');
    expect(offer.body).toContain('<p class="legal-version">Редакция от 11 декабря 2026 г.</p>');
    expect(offer.body).toContain('Кофе подаётся бесплатно.');
    expect(offer.body).toContain('+7 495 765-43-21'); // {реквизиты}: the current details
    expect(offer.body).toContain('href="/legal/offer/2026-12-06"');

    const old = await site().get('/legal/offer/2026-12-06');
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('Это прежняя редакция.');
    expect(old.body).toContain('Дополнительные часы выполняются и оплачиваются только после согласования с Заказчиком');
    const first = await site().get('/legal/offer/2026-11-23');
    expect(first.body).toContain('Редакция от 23 ноября 2026 г.');

    const after = (await orderSentToGateway(t, 'site-support', { email: 'after@example.ru' })).order;
    expect(after.offerVersion).toBe('offer-2026-12-11');
    expect(after.consentVersion).toBe('consent-2026-12-06');
    const [kept] = await t.deps.db.select({ offer: legalVersions.effectiveDate }).from(legalVersions).where(eq(legalVersions.document, 'offer')).orderBy(desc(legalVersions.effectiveDate)).limit(1);
    expect(kept!.offer).toBe('2026-12-11');
    const history = await admin.get('/admin/content/legal/offer');
    expect(history.body).toMatch(/Редакция от 6 декабря 2026 г\.<\/a> <span class="badge">прежняя<\/span>/);
  });

  it('never changes a version in effect or the past, and replaces one still to come', async () => {
    const count = await t.deps.db.$count(legalVersions);
    const inEffect = await admin.post('/admin/content/legal/offer', { effective_date: '11.12.2026', body: offerText('Переписано задним числом.') }, '/admin/content/legal/offer');
    expect(inEffect.statusCode).toBe(422);
    expect(inEffect.body).toContain('Редакция от 11 декабря 2026 г. уже действует, и клиенты могли её принять. Укажите завтрашнюю или более позднюю дату.');
    const past = await admin.post('/admin/content/legal/offer', { effective_date: '01.12.2026', body: offerText('Прошлое.') });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Дата уже прошла');
    const html = await admin.post('/admin/content/legal/privacy', { effective_date: '01.01.2027', body: `<p>${offerText('')}</p>` });
    expect(html.body).toContain('HTML-теги не нужны');
    expect(await t.deps.db.$count(legalVersions)).toBe(count);

    await admin.post('/admin/content/legal/consent', { effective_date: '01.01.2027', body: offerText('Первый вариант.') }, '/admin/content/legal/consent');
    const replaced = await admin.post('/admin/content/legal/consent', { effective_date: '2027-01-01', body: offerText('Второй вариант.') }, '/admin/content/legal/consent');
    expect(replaced.headers.location).toBe('/admin/content/legal/consent?done=replaced&date=2027-01-01');
    const [row] = await t.deps.db.select().from(legalVersions).where(and(eq(legalVersions.document, 'consent'), eq(legalVersions.effectiveDate, '2027-01-01')));
    expect(row!.body).toContain('Второй вариант.');
    expect(await lastAudit()).toMatchObject({ action: 'content.legal_version_replaced', entityId: 'consent-2027-01-01' });
  });

  it('words a client email: the preview shows it, and emails queued from then on use the edited greeting', async () => {
    const refused = await admin.post('/admin/content/emails/order_paid', { greeting: 'Здравствуйте, {клиент}!', sign_off: '', paragraph: '', intent: 'save' }, '/admin/content/emails/order_paid');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Неизвестная подстановка {клиент}: доступны {имя} и {компания}.');

    const wording = { greeting: 'Добрый день, {имя}!', sign_off: 'Всегда ваши,\n{компания}', paragraph: 'В праздники мы отвечаем с 10:00 до 16:00.' };
    const preview = await admin.post('/admin/content/emails/order_paid', { ...wording, intent: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Добрый день, Иван Петров!');
    const frame = /src="(\/admin\/content\/emails\/order_paid\/preview\?[^"]+)"/.exec(preview.body)![1]!.replaceAll('&amp;', '&');
    const html = await admin.get(frame);
    expect(html.headers['content-security-policy']).toContain('sandbox');
    expect(html.body).toContain('Добрый день, Иван Петров!');
    expect(html.body).toContain('В праздники мы отвечаем с 10:00 до 16:00.');
    expect(t.deps.content.current().emails.order_paid.greeting).toBe('Здравствуйте, {имя}!'); // a preview saves nothing

    const saved = await admin.post('/admin/content/emails/order_paid', { ...wording, intent: 'save' });
    expect(saved.headers.location).toBe('/admin/content/emails/order_paid?done=saved');
    expect(await lastAudit()).toMatchObject({ action: 'content.email_wording_saved', entity: 'email_type', entityId: 'order_paid' });

    const order = await paidOrder(t, { name: 'Мария Сидорова', email: 'maria@example.ru' });
    const [confirmation] = await t.deps.db.select().from(emails).where(and(eq(emails.orderId, order.id), eq(emails.kind, 'order_confirmation')));
    expect(confirmation!.text.startsWith('Добрый день, Мария Сидорова!\n')).toBe(true);
    expect(confirmation!.text).toContain('В праздники мы отвечаем с 10:00 до 16:00.\n\nВсегда ваши,\nООО «Услуги онлайн»');
    expect(confirmation!.html).toContain('Добрый день, Мария Сидорова!');
    // Other email types keep their own wording.
    expect(t.deps.content.current().emails.credentials.greeting).toBe('Здравствуйте, {имя}!');
  });
});
