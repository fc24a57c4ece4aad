import { desc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, faqEntries, serviceImageFiles, serviceImages, services } from '../../src/db/schema/index.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type Visitor } from '../helpers/visitor.js';

// The storefront's trust signals: the payment marks and «how it works» on the catalog and service
// pages, the FAQ admins edit in /admin/faq, and a service's picture uploaded in the catalog editor,
// resized with sharp, kept in the database and served under content-hashed, year-long-cached URLs.

const SLUG = 'site-support';

/** A photo-like picture of this size (noise compresses like a photo, not like a flat colour). */
async function picture(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg', exifOrientation?: number): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919 + (i >> 5) * 31) & 255;
  let image = sharp(noise, { raw: { width, height, channels: 3 } });
  if (exifOrientation) image = image.withMetadata({ orientation: exifOrientation });
  return image[format]().toBuffer();
}

describe.each(backends)('storefront trust signals, FAQ and service pictures on %s', (backend) => {
  let t: TestApp;
  let admin: Visitor;
  let serviceId: string;
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));
  const shop = () => visitor(t.app, '198.51.100.7');

  beforeAll(async () => {
    t = await createTestApp(backend, { captcha: false, clock });
    admin = (await staffBrowser(t, 'admin')).browser;
    [{ id: serviceId }] = (await t.deps.db.select({ id: services.id }).from(services).where(eq(services.slug, SLUG))) as [{ id: string }];
  });
  afterAll(() => t.close());

  /** Sends the picture's form as a browser does: multipart, with the CSRF token of the service's page. */
  async function upload(fields: { alt?: string; file?: { bytes: Uint8Array; name: string; type: string } }) {
    const page = await admin.get(`/admin/catalog/${serviceId}`);
    const form = new FormData();
    form.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!);
    if (fields.alt !== undefined) form.set('alt', fields.alt);
    form.set('file', fields.file ? new File([new Uint8Array(fields.file.bytes)], fields.file.name, { type: fields.file.type }) : new File([], ''));
    const request = new Request('http://shop/', { method: 'POST', body: form });
    const cookie = ['csrf', 'staff_session'].map((name) => `${name}=${admin.cookie(name)}`).join('; ');
    return t.app.inject({
      method: 'POST',
      url: `/admin/catalog/${serviceId}/image`,
      headers: { cookie, 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
  }

  const imageRow = async () => (await t.deps.db.select().from(serviceImages).where(eq(serviceImages.serviceId, serviceId)))[0];
  const fileCount = async () => t.deps.db.$count(serviceImageFiles);

  it('shows the payment marks, the hosted page and the steps from order to extra hours', async () => {
    for (const url of ['/', `/services/${SLUG}`]) {
      const page = await shop().get(url);
      expect(page.statusCode).toBe(200);
      for (const mark of ['aria-label="Visa"', 'aria-label="Mastercard"', 'aria-label="Мир"']) expect(page.body).toContain(mark);
      expect(page.body).toContain('защищённой странице платёжного сервиса Freedom Pay');
      expect(page.body).toContain('Как это работает');
      // Paid on Tuesday at 11:20 in Moscow: the manager calls within the working hour.
      expect(page.body).toContain('при оплате сейчас — сегодня, во вторник, 24 ноября, до 12:20 (мск)');
      expect(page.body).toContain('Доплата — только по договорённости');
      // No FAQ yet: no empty section.
      expect(page.body).not.toContain('Вопросы и ответы');
    }
  });

  it('refuses a picture without alt text, of the wrong type, too small or too large, saying why and keeping the typed text', async () => {
    const jpeg = await picture(800, 500);
    const noAlt = await upload({ alt: '  ', file: { bytes: jpeg, name: 'photo.jpg', type: 'image/jpeg' } });
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain('Опишите, что на изображении');

    // A text file named .jpg and declared image/jpeg: the bytes decide.
    const fake = await upload({ alt: 'Команда за работой', file: { bytes: Buffer.from('<?php echo 1; ?>'), name: 'photo.jpg', type: 'image/jpeg' } });
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Это не изображение JPEG, PNG или WebP');
    expect(fake.body).toContain('value="Команда за работой"');

    const broken = await upload({ alt: 'Команда', file: { bytes: jpeg.subarray(0, 200), name: 'photo.jpg', type: 'image/jpeg' } });
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('Не удалось прочитать изображение');

    const small = await upload({ alt: 'Команда', file: { bytes: await picture(200, 150, 'png'), name: 'small.png', type: 'image/png' } });
    expect(small.statusCode).toBe(422);
    expect(small.body).toContain('не меньше 320 пикселей');

    const huge = Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(6 * 1024 * 1024)]);
    const tooLarge = await upload({ alt: 'Команда', file: { bytes: huge, name: 'huge.jpg', type: 'image/jpeg' } });
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.body).toContain('Файл больше 5 МБ (6,0 МБ)');

    const nothing = await upload({ alt: 'Команда' });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.body).toContain('Выберите файл изображения');

    expect(await imageRow()).toBeUndefined();
    expect(await fileCount()).toBe(0);
  });

  it('resizes an upload to WebP and JPEG at the storefront widths, shows it with its alt text and serves it cached for a year', async () => {
    const original = await picture(1600, 1000, 'png');
    const uploaded = await upload({ alt: 'Разработчик обновляет сайт', file: { bytes: original, name: 'team.png', type: 'image/png' } });
    expect(uploaded.statusCode).toBe(303);
    expect(uploaded.headers.location).toBe(`/admin/catalog/${serviceId}?done=uploaded#image`);
    const image = (await imageRow())!;
    expect(image).toMatchObject({ alt: 'Разработчик обновляет сайт', widths: [480, 960, 1440], width: 1440, height: 900 });
    expect(image.hash).toMatch(/^[0-9a-f]{20}$/);
    expect(await fileCount()).toBe(6);

    const page = (await shop().get(`/services/${SLUG}`)).body;
    expect(page).toContain(`srcset="/media/services/${image.hash}-480.webp 480w, /media/services/${image.hash}-960.webp 960w, /media/services/${image.hash}-1440.webp 1440w"`);
    expect(page).toContain(`src="/media/services/${image.hash}-480.jpg"`);
    expect(page).toContain('alt="Разработчик обновляет сайт"');
    expect(page).toContain('width="1440" height="900"');
    expect((await shop().get('/')).body).toContain('loading="lazy"');

    for (const [file, type, width] of [[`${image.hash}-960.webp`, 'image/webp', 960], [`${image.hash}-1440.jpg`, 'image/jpeg', 1440]] as const) {
      const response = await shop().get(`/media/services/${file}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(response.rawPayload).metadata();
      expect({ format: meta.format, width: meta.width }).toEqual({ format: type === 'image/webp' ? 'webp' : 'jpeg', width });
    }
    expect((await shop().get(`/media/services/${image.hash}-720.webp`)).statusCode).toBe(404);
    expect((await shop().get('/media/services/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);

    const entry = (await t.deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
    expect(entry).toMatchObject({ action: 'catalog.image_uploaded', entity: 'service', entityId: serviceId });
  });

  it('changes only the alt text when no file is sent; a new picture gets new addresses and the old files go', async () => {
    const before = (await imageRow())!;
    const alt = await upload({ alt: 'Специалист поддержки за ноутбуком' });
    expect(alt.headers.location).toBe(`/admin/catalog/${serviceId}?done=alt_saved#image`);
    expect(await imageRow()).toMatchObject({ hash: before.hash, alt: 'Специалист поддержки за ноутбуком' });
    expect((await shop().get(`/services/${SLUG}`)).body).toContain('alt="Специалист поддержки за ноутбуком"');

    // A portrait photo stored sideways with an EXIF orientation: turned upright, 500 wide → one size.
    const sideways = await picture(700, 500, 'jpeg', 6);
    expect((await upload({ alt: 'Новая фотография', file: { bytes: sideways, name: 'new.jpg', type: 'image/jpeg' } })).statusCode).toBe(303);
    const after = (await imageRow())!;
    expect(after.hash).not.toBe(before.hash);
    expect(after).toMatchObject({ widths: [480], width: 480, height: 672 });
    expect(await fileCount()).toBe(2);
    expect((await shop().get(`/media/services/${before.hash}-480.webp`)).statusCode).toBe(404);
  });

  it('removes the picture: the storefront shows none and its files are deleted', async () => {
    const removed = await admin.post(`/admin/catalog/${serviceId}/image/remove`, {}, `/admin/catalog/${serviceId}`);
    expect(removed.headers.location).toBe(`/admin/catalog/${serviceId}?done=image_removed#image`);
    expect(await imageRow()).toBeUndefined();
    expect(await fileCount()).toBe(0);
    expect((await shop().get(`/services/${SLUG}`)).body).not.toContain('/media/services/');
  });

  it('lets admins write the FAQ: added, shown on the catalog and service pages in order, edited, deleted; errors said in Russian', async () => {
    const { browser: manager } = await staffBrowser(t, 'manager');
    expect((await manager.get('/admin/faq')).statusCode).toBe(403);

    const empty = await admin.post('/admin/faq', { 'new-question': '', 'new-answer': 'Ответ без вопроса', 'new-sort_order': 'десять' }, '/admin/faq');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Напишите вопрос так, как его задал бы клиент.');
    expect(empty.body).toContain('Целое число, например 10');
    expect(empty.body).toContain('Ответ без вопроса');
    expect(await t.deps.db.$count(faqEntries)).toBe(0);

    const add = (question: string, answer: string, order: string) => admin.post('/admin/faq', { 'new-question': question, 'new-answer': answer, 'new-sort_order': order }, '/admin/faq');
    expect((await add('Можно ли оплатить по счёту?', 'Да.\n\nНапишите нам, и мы пришлём счёт.', '20')).headers.location).toBe('/admin/faq?done=created');
    expect((await add('Когда позвонит менеджер?', 'В течение рабочего часа после оплаты.', '10')).statusCode).toBe(303);
    for (const url of ['/', `/services/${SLUG}`]) {
      const page = (await shop().get(url)).body;
      expect(page).toContain('Вопросы и ответы');
      expect(page.indexOf('Когда позвонит менеджер?')).toBeLessThan(page.indexOf('Можно ли оплатить по счёту?'));
      expect(page).toContain('<p>Напишите нам, и мы пришлём счёт.</p>');
    }

    const [entry] = await t.deps.db.select().from(faqEntries).where(eq(faqEntries.sortOrder, 20));
    const edit = await admin.post(`/admin/faq/${entry!.id}`, { [`${entry!.id}-question`]: 'Можно ли оплатить переводом?', [`${entry!.id}-answer`]: 'Да, по счёту.', [`${entry!.id}-sort_order`]: '5' }, '/admin/faq');
    expect(edit.headers.location).toBe(`/admin/faq?done=saved#faq-${entry!.id}`);
    const catalog = (await shop().get('/')).body;
    expect(catalog.indexOf('Можно ли оплатить переводом?')).toBeLessThan(catalog.indexOf('Когда позвонит менеджер?'));

    const refused = await admin.post(`/admin/faq/${entry!.id}`, { [`${entry!.id}-question`]: 'Можно ли оплатить переводом?', [`${entry!.id}-answer`]: ' ' }, '/admin/faq');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Напишите ответ.');

    expect((await admin.post(`/admin/faq/${entry!.id}/delete`, {}, '/admin/faq')).headers.location).toBe('/admin/faq?done=deleted');
    expect((await shop().get('/')).body).not.toContain('Можно ли оплатить переводом?');
    const actions = (await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entity, 'faq'))).map((a) => a.action);
    expect(actions.sort()).toEqual(['faq.created', 'faq.created', 'faq.deleted', 'faq.updated']);
  });
});
