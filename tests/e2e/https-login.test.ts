import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpStep } from '../../src/staff/totp.js';
import { browserAvailable, launchBrowser, visibleText } from '../helpers/browser.js';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.js';
import { selfSignedCertificate, type TestCertificate } from '../helpers/tls.js';

// The real server process over HTTPS with a certificate made for this run; Chromium accepts it
// (ignoreHTTPSErrors) and signs a staff member in: setup link, authenticator, then password + code.

const shots = '/tmp/shots';
const EMAIL = 'irina@uslugi.example.ru';
const PASSWORD = 'первый администратор системы';


describe.runIf(browserAvailable())('a staff sign-in over HTTPS in Chromium', () => {
  let certificate: TestCertificate;
  let server: ServerProcess;
  let browser: Browser;
  let origin: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'uslugi-https-e2e-'));
  const problems: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    certificate = selfSignedCertificate();
    const [port, plainPort] = [await freePort(), await freePort()];
    origin = `https://localhost:${port}`;
    server = await startServer({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      HTTP_REDIRECT_PORT: String(plainPort),
      TLS_CERT_FILE: certificate.certFile,
      TLS_KEY_FILE: certificate.keyFile,
      ROLE: 'web',
      FREEDOMPAY_MERCHANT_ID: '545084',
      FREEDOMPAY_SECRET_KEY: 'https-e2e-merchant-secret',
      FREEDOMPAY_API_URL: 'http://127.0.0.1:9',
    });
    [, browser] = await Promise.all([server.waitFor(`Shop is open at ${origin}/`, 60_000), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
    if (certificate) rmSync(certificate.dir, { recursive: true, force: true });
  });

  it('enrols the first admin from the printed link, signs out, signs in with password and code: __Host- Secure cookies, HSTS', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));

    // The one-time link the server printed for the first admin.
    const link = /https:\/\/localhost:\d+\/admin\/setup\?token=\S+/.exec(server.output())![0];
    const first = await page.goto(link);
    expect(first!.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    await page.getByLabel('Имя').fill('Ирина Ковалёва');
    await page.getByLabel('Адрес электронной почты').fill(EMAIL);
    await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Пароль ещё раз').fill(PASSWORD);
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await expect(visibleText(page, 'h1')).resolves.toBe('Подключите приложение-аутентификатор');
    const secret = base32Decode(await visibleText(page, '.totp-secret'))!;
    // The server runs on the real clock; enrolment takes this step's code, the sign-in the next one
    // (accepted as clock drift), so neither waits for the authenticator to roll over.
    const step = totpStep(new Date());
    await page.getByLabel('Код из приложения').fill(hotp(secret, step));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(visibleText(page, 'h1')).resolves.toBe('Резервные коды');
    await page.getByRole('link', { name: 'Коды сохранены, продолжить' }).click();
    await page.waitForURL(`${origin}/admin`);

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL(/\/admin\/login/);
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('__Host-staff-session');

    await page.goto(`${origin}/admin/login`);
    await page.getByLabel('Адрес электронной почты').fill(EMAIL);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await page.screenshot({ path: `${shots}/https-login-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await expect(visibleText(page, 'h1')).resolves.toBe('Код подтверждения');
    await page.getByLabel('Код из приложения').fill(hotp(secret, step + 1));
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${origin}/admin`);
    await expect(visibleText(page, 'h1')).resolves.toBe('Сводка');
    await page.screenshot({ path: `${shots}/https-dashboard-1280.png` });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${shots}/https-dashboard-375.png` });

    const cookies = await context.cookies();
    // Every cookie the app set is bound to this origin over HTTPS only.
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['__Host-csrf', '__Host-staff-session']);
    for (const cookie of cookies) expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/', domain: 'localhost' });
    expect(cookies.find((cookie) => cookie.name === '__Host-staff-session')).toMatchObject({ sameSite: 'Strict' });

    // The same session works page after page: the cookie is sent back over HTTPS.
    await page.goto(`${origin}/admin/audit`);
    await expect(visibleText(page, 'h1')).resolves.not.toBe('Вход для сотрудников');
    expect(problems).toEqual([]);
    await context.close();
  });
});
