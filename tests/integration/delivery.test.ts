import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverNotification } from '../../src/actions/notifications/deliver-notification.js';
import type { Order } from '../../src/db/queries/orders.js';
import { auditLog, notifications, orderFiles, orderMessages, orderResults } from '../../src/db/schema/index.js';
import { deliverQueuedEmails, mailTo, signedInClient, subjectAround } from '../helpers/accounts.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { staffBrowser } from '../helpers/staff.js';
import { backends, createTestApp, manualClock, type TestApp } from '../helpers/test-app.js';
import { visitor, type UploadFile, type Visitor } from '../helpers/visitor.js';

// Delivering the work (docs/delivery.md): results staff attach, the client downloads from the account
// only their own, and a conversation per order with one notification per message on each side. Emails
// are read from a real SMTP server on loopback; the jobs are run by hand, as the worker would.

const MB = 1024 * 1024;
const pdf = (size = 2000) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n');
  bytes.write('\n%%EOF\n', size - 7);
  return bytes;
};
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-made-up-png-body')]);
const page = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, ' ').replaceAll('&#171;', '«').replaceAll('&#187;', '»').replaceAll('&quot;', '"');

describe.each(backends)('results and the order conversation on %s', (backend) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let manager: Awaited<ReturnType<typeof staffBrowser>>;
  let accountant: Awaited<ReturnType<typeof staffBrowser>>;
  let alice: { browser: Visitor; order: Order };
  let bob: { browser: Visitor; order: Order };
  const clock = manualClock(new Date('2026-11-24T11:20:00+03:00'));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(backend, { clock, captcha: false, env: { SMTP_URL: smtp.url, RESULT_FILE_MAX_MB: '1' } });
    manager = await staffBrowser(t, 'manager', '198.51.100.30');
    accountant = await staffBrowser(t, 'accountant', '198.51.100.31');
    alice = await signedInClient(t, smtp.received, { email: 'alice.results@example.ru', name: 'Алиса Результатова' }, '203.0.113.41');
    bob = await signedInClient(t, smtp.received, { email: 'bob.results@example.ru', name: 'Борис Чужой' }, '203.0.113.42');
    const taken = await manager.browser.post(`/admin/orders/${alice.order.id}/take`, {}, `/admin/orders/${alice.order.id}`);
    expect(taken.statusCode).toBe(303);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const card = (orderId = alice.order.id) => `/admin/orders/${orderId}`;
  const addResult = (browser: Visitor, fields: Record<string, string>, file?: UploadFile, orderId = alice.order.id) =>
    browser.upload(`/admin/orders/${orderId}/results`, fields, file ? { file } : {}, card(orderId));
  const filesOf = (orderId: string) => t.deps.db.select().from(orderFiles).where(eq(orderFiles.orderId, orderId));
  const resultByName = async (fileName: string) => (await t.deps.db.select().from(orderResults).where(eq(orderResults.fileName, fileName)))[0]!;
  const aliceOrderPage = () => `/account/orders/${alice.order.publicRef}`;
  const clientFile = (ref: string, fileId: string) => `/account/orders/${ref}/files/${fileId}`;

  it('refuses files that are too large, of the wrong type or not what their name says, and stores none of them', async () => {
    const tooBig = await addResult(manager.browser, { note: '' }, { name: 'большой.pdf', bytes: pdf(MB + 1) });
    expect(tooBig.statusCode).toBe(422);
    expect(plain(tooBig.body)).toContain('Файл больше 1 МБ (1,0 МБ): уменьшите его или разделите на части.');

    // Far beyond the limit the body is not read at all.
    const huge = await addResult(manager.browser, {}, { name: 'огромный.pdf', bytes: pdf(3 * MB) });
    expect(huge.statusCode).toBe(413);

    const disguised = await addResult(manager.browser, {}, { name: 'отчёт.pdf', bytes: page, type: 'application/pdf' });
    expect(disguised.statusCode).toBe(422);
    expect(plain(disguised.body)).toContain('Содержимое файла не похоже на PDF: файл повреждён или переименован.');

    for (const file of [
      { name: 'страница.html', bytes: page, type: 'text/html' },
      { name: 'рисунок.svg', bytes: svg, type: 'image/svg+xml' },
      { name: 'картинка.svg', bytes: png, type: 'image/png' },
    ]) {
      const refused = await addResult(manager.browser, {}, file);
      expect(refused.statusCode).toBe(422);
      expect(plain(refused.body)).toContain('Такие файлы не принимаются. Можно загрузить PDF, PNG, JPG, WebP, ZIP, DOCX, XLSX или TXT.');
    }

    const nothing = await addResult(manager.browser, { url: '', note: '   ' });
    expect(nothing.statusCode).toBe(422);
    expect(plain(nothing.body)).toContain('Приложите файл, укажите ссылку или напишите текст результата.');
    const insecure = await addResult(manager.browser, { url: 'http://example.ru/files', note: 'Папка' });
    expect(insecure.statusCode).toBe(422);
    expect(plain(insecure.body)).toContain('Укажите ссылку целиком, начиная с https://');
    expect(plain(insecure.body)).toContain('value="http://example.ru/files"'); // what was typed stays in the form

    // An accountant may look at the order, not attach to it: refused before the upload is read.
    const notTheirs = await addResult(accountant.browser, {}, { name: 'отчёт.pdf', bytes: pdf() });
    expect(notTheirs.statusCode).toBe(403);
    // Nobody signed in: the sign-in page, even for a body over the limit (the session is checked before reading).
    const anonymous = await visitor(t.app).upload(`/admin/orders/${alice.order.id}/results`, {}, { file: { name: 'отчёт.pdf', bytes: pdf(3 * MB) } });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/admin/login']);

    expect(await filesOf(alice.order.id)).toEqual([]);
    expect(await t.deps.db.$count(orderResults)).toBe(0);
  });

  it('keeps results as drafts until staff tell the client, then sends one email for all of them', async () => {
    const report = pdf(4000);
    for (const [fields, file] of [
      [{ note: 'Итоговый отчёт по аудиту.\nВыводы — на второй странице.' }, { name: 'Итоговый отчёт.pdf', bytes: report }],
      [{}, { name: 'макет.png', bytes: png }],
      [{ url: 'https://git.example.ru/site', note: '' }, undefined],
    ] as const) {
      const added = await addResult(manager.browser, fields, file);
      expect([added.statusCode, added.headers.location]).toEqual([303, `/admin/orders/${alice.order.id}?done=result_added#results`]);
    }
    const reportRow = await resultByName('Итоговый отчёт.pdf');

    // A draft is the staff's only: not on the client's page, not downloadable by them.
    expect((await alice.browser.get(aliceOrderPage())).body).not.toContain('Итоговый отчёт.pdf');
    expect((await alice.browser.get(clientFile(alice.order.publicRef, reportRow.fileId!))).statusCode).toBe(404);
    const draftCard = plain((await manager.browser.get(card())).body);
    expect(draftCard).toContain('Сообщить клиенту (3)');
    expect(draftCard).toContain('черновик');

    const subject = subjectAround('Результаты по заказу', ` готовы: ${alice.order.serviceTitle}`);
    for (const expected of ['results_published', 'results_nothing']) {
      const published = await manager.browser.post(`/admin/orders/${alice.order.id}/results/publish`, {}, card());
      expect(published.headers.location).toBe(`/admin/orders/${alice.order.id}?done=${expected}#results`);
      await deliverQueuedEmails(t);
    }
    const mails = mailTo(smtp.received, 'alice.results@example.ru', subject);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('появились результаты работы (3)');
    expect(mails[0]!.text).toContain(`${t.baseUrl}/account/orders/${alice.order.publicRef}#results`);

    const shown = plain((await alice.browser.get(aliceOrderPage())).body);
    expect(shown).toContain('Итоговый отчёт.pdf');
    expect(shown).toContain('макет.png');
    expect(shown).toContain('href="https://git.example.ru/site" rel="noopener noreferrer nofollow"');
    expect(shown).toContain('Итоговый отчёт по аудиту.\nВыводы — на второй странице.');

    const actions = (await t.deps.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, alice.order.id))).map((row) => row.action);
    expect(actions.filter((a) => a === 'order.result_added')).toHaveLength(3);
    expect(actions.filter((a) => a === 'order.results_published')).toHaveLength(1);
  });

  it('gives the client their file as a download under its Cyrillic name, never cached or sniffed', async () => {
    const reportRow = await resultByName('Итоговый отчёт.pdf');
    const download = await alice.browser.get(clientFile(alice.order.publicRef, reportRow.fileId!));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="________ _____.pdf"; filename*=UTF-8''${encodeURIComponent('Итоговый отчёт.pdf')}`,
    );
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.rawPayload, pdf(4000))).toBe(0);

    // Staff who may see the order download it too, under that order only.
    for (const member of [manager, accountant]) {
      const staffCopy = await member.browser.get(`/admin/orders/${alice.order.id}/files/${reportRow.fileId}`);
      expect([staffCopy.statusCode, staffCopy.headers['content-disposition']?.toString().startsWith('attachment;')]).toEqual([200, true]);
      expect(Buffer.compare(staffCopy.rawPayload, pdf(4000))).toBe(0);
    }
    expect((await manager.browser.get(`/admin/orders/${bob.order.id}/files/${reportRow.fileId}`)).statusCode).toBe(404);
  });

  it('never gives one client another client’s file: guessed and real ids are both «not found»; nobody signed in goes to the sign-in', async () => {
    const { fileId } = await resultByName('Итоговый отчёт.pdf');
    const bobRef = bob.order.publicRef;
    for (const url of [
      clientFile(alice.order.publicRef, fileId!), // the real address of Alice's file
      clientFile(bobRef, fileId!), // Alice's real file id under Bob's own order
      clientFile(bobRef, randomUUID()), // a guessed id
      clientFile(bobRef, 'not-a-uuid'),
    ]) {
      const response = await bob.browser.get(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
      expect(response.rawPayload.includes(Buffer.from('%PDF-'))).toBe(false);
    }
    const anonymous = await visitor(t.app).get(clientFile(alice.order.publicRef, fileId!));
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/account/login']);
  });

  it('takes back a result added by mistake: the client no longer sees it, its bytes are deleted, the action is audited', async () => {
    const mistake = await resultByName('макет.png');
    const removed = await manager.browser.post(`/admin/orders/${alice.order.id}/results/${mistake.id}/remove`, {}, card());
    expect(removed.headers.location).toBe(`/admin/orders/${alice.order.id}?done=result_removed#results`);
    expect((await alice.browser.get(aliceOrderPage())).body).not.toContain('макет.png');
    expect((await alice.browser.get(clientFile(alice.order.publicRef, mistake.fileId!))).statusCode).toBe(404);
    expect(await t.deps.db.$count(orderFiles, eq(orderFiles.id, mistake.fileId!))).toBe(0);
    expect((await resultByName('макет.png')).removedAt).not.toBeNull();
    expect(plain((await manager.browser.get(card())).body)).toContain('убран');
    const audit = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'order.result_removed'), eq(auditLog.entityId, alice.order.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.staffId).toBe(manager.member.id);
  });

  it('refuses an empty or overlong message with the error next to the field, and a message to another client’s order', async () => {
    const empty = await alice.browser.upload(`${aliceOrderPage()}/messages`, { body: ' \n ' }, {}, aliceOrderPage());
    expect(empty.statusCode).toBe(422);
    expect(plain(empty.body)).toMatch(/<p class="error" id="error-body">Напишите сообщение: пустое отправить нельзя.<\/p>/);
    const long = await alice.browser.upload(`${aliceOrderPage()}/messages`, { body: 'я'.repeat(4001) }, {}, aliceOrderPage());
    expect(long.statusCode).toBe(422);
    expect(plain(long.body)).toContain('Сообщение не длиннее 4000 символов (сейчас 4001)');
    const intruder = await bob.browser.upload(`${aliceOrderPage()}/messages`, { body: 'Чужой заказ' }, {}, `/account/orders/${bob.order.publicRef}`);
    expect(intruder.statusCode).toBe(404);
    const anonymous = await visitor(t.app).upload(`${aliceOrderPage()}/messages`, { body: 'Кто я?' }, {});
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/account/login']);
    expect(await t.deps.db.$count(orderMessages)).toBe(0);
  });

  it('alerts the assigned manager once per client message, counts it unread in the queue until the card is opened', async () => {
    const question = 'Когда будет готово?\n<script>alert(1)</script>';
    const sent = await alice.browser.upload(`${aliceOrderPage()}/messages`, { body: question }, { file: { name: 'вопрос.txt', bytes: Buffer.from('Список правок:\n1. шапка\n') } }, aliceOrderPage());
    expect([sent.statusCode, sent.headers.location]).toEqual([303, `${aliceOrderPage()}?sent=1#messages`]);

    const alerts = await t.deps.db.select().from(notifications).where(and(eq(notifications.eventKind, 'order.message'), eq(notifications.orderId, alice.order.id)));
    expect(alerts.map((a) => [a.staffId, a.channel])).toEqual([[manager.member.id, 'email']]);
    // A job run twice (a retry) delivers it once.
    for (let run = 0; run < 2; run++) await deliverNotification(t.deps, alerts[0]!.id, { lastTry: false });
    await deliverQueuedEmails(t);
    const alertMails = mailTo(smtp.received, manager.member.email, /^Заказ .+: сообщение от клиента$/);
    expect(alertMails).toHaveLength(1);
    expect(alertMails[0]!.text).toContain('«Когда будет готово? <script>alert(1)</script>»');
    expect(alertMails[0]!.text).toContain(`${t.baseUrl}/admin/orders/${alice.order.id}#messages`);

    const queue = plain((await manager.browser.get('/admin/queue')).body);
    expect(queue).toContain('Новые сообщения клиентов: 1');
    expect(queue).toContain('data-unread="1"');

    const opened = (await manager.browser.get(card())).body;
    expect(opened).toContain('Когда будет готово?\n&lt;script>alert(1)&lt;/script></p>'); // text: < is escaped, line breaks kept
    expect(opened).not.toContain('<script>alert(1)</script>');
    expect(opened).toContain('вопрос.txt');
    expect(plain((await manager.browser.get('/admin/queue')).body)).not.toContain('Новые сообщения клиентов');

    const [message] = await t.deps.db.select().from(orderMessages).where(eq(orderMessages.orderId, alice.order.id));
    const attachment = await manager.browser.get(`/admin/orders/${alice.order.id}/files/${message!.fileId}`);
    expect([attachment.statusCode, attachment.headers['content-type'], attachment.payload]).toEqual([200, 'text/plain; charset=utf-8', 'Список правок:\n1. шапка\n']);
    expect((await bob.browser.get(clientFile(bob.order.publicRef, message!.fileId!))).statusCode).toBe(404);
  });

  it('emails the client once per staff message, to answer in the account; the unread count goes up and back to zero', async () => {
    const before = mailTo(smtp.received, 'alice.results@example.ru', /^Новое сообщение по заказу/).length;
    const replied = await manager.browser.upload(`/admin/orders/${alice.order.id}/messages`, { body: 'Завтра к обеду.\nПришлю ссылку.' }, {}, card());
    expect(replied.headers.location).toBe(`/admin/orders/${alice.order.id}?done=message_sent#messages`);
    await deliverQueuedEmails(t);
    await deliverQueuedEmails(t);
    const mails = mailTo(smtp.received, 'alice.results@example.ru', subjectAround('Новое сообщение по заказу', `: ${alice.order.serviceTitle}`));
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.text).toContain('ответьте в личном кабинете');
    expect(mails.at(-1)!.text).not.toContain('Завтра к обеду');
    expect(mails.at(-1)!.text).toContain(`${t.baseUrl}/account/orders/${alice.order.publicRef}#messages`);
    expect(await t.deps.db.$count(auditLog, and(eq(auditLog.action, 'order.message_sent'), eq(auditLog.entityId, alice.order.id)))).toBe(1);

    const list = plain((await alice.browser.get('/account')).body);
    expect(list).toContain('1 новое сообщение');
    expect(list).toContain('aria-label="1 новое сообщение">1</span>');
    const opened = plain((await alice.browser.get(aliceOrderPage())).body);
    expect(opened).toContain('Завтра к обеду.\nПришлю ссылку.');
    expect(opened).toContain('class="message-new"');
    const after = plain((await alice.browser.get('/account')).body);
    expect(after).not.toContain('новое сообщение');
    expect(plain((await alice.browser.get(aliceOrderPage())).body)).not.toContain('class="message-new"');
    // Bob's account knows nothing of it.
    expect(plain((await bob.browser.get('/account')).body)).not.toContain('новое сообщение');
  });
});
