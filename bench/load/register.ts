import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createAtolSandbox, type AtolSandbox } from '../../sandbox/atol/index.js';
import { hashPassword } from '../../src/accounts/secrets.js';
import { sealSecret } from '../../src/staff/secret-box.js';
import { base32Decode, hotp, newTotpSecret, totpStep } from '../../src/staff/totp.js';
import { Browser } from './browser.js';

// The cash register during the load run: the ATOL sandbox in this process (the shop's processes reach
// it through the real ATOL settings), its faults on a timetable, and an accountant who signs in to the
// back office (password and TOTP) and re-issues what the register failed, as staff would.

const GROUP = { login: 'bench-login', password: 'bench-register-password', groupCode: 'bench_1', inn: '7700000000' };

export interface RegisterFaultPlan {
  /** The API closes every connection unanswered for this long from the first order. */
  downMs: number;
  /** Then this many API calls answer 500. */
  serverErrors: number;
  /** Then this many documents end in `fail` (code 1001), for staff to re-issue. */
  fails: number;
}

export const REGISTER_FAULTS: RegisterFaultPlan = { downMs: 30_000, serverErrors: 10, fails: 3 };

export async function startRegister(): Promise<{ atol: AtolSandbox; env: Record<string, string> }> {
  const atol = createAtolSandbox({ groups: [GROUP] });
  await atol.listen(0, '127.0.0.1');
  return { atol, env: { ATOL_LOGIN: GROUP.login, ATOL_PASSWORD: GROUP.password, ATOL_GROUP_CODE: GROUP.groupCode, ATOL_API_URL: atol.apiUrl } };
}

/** Down for a while (then back up by itself), then a few 500s, then a few failed documents. */
export function injectRegisterFaults(atol: AtolSandbox, plan: RegisterFaultPlan): void {
  atol.setFaults({
    down: 'reset',
    downForMs: plan.downMs,
    serverError: plan.serverErrors,
    failNext: { code: 1001, text: 'Ошибка ФН (нагрузочный тест)', type: 'driver', count: plan.fails },
  });
}

export function describeFaults(plan: RegisterFaultPlan): string {
  return `register: down ${plan.downMs / 1000} s from the first order, then ${plan.serverErrors} answers 500, then ${plan.fails} documents failed (re-issued by an accountant)`;
}

/** An accountant written to the database, signed in through the back office's pages from its own address. */
export async function accountantSignedIn(db: pg.Pool, baseUrl: string, appSecret: string): Promise<{ browser: Browser; email: string }> {
  const email = `accountant-${randomBytes(3).toString('hex')}@uslugi.example`;
  const password = 'пароль бухгалтера для нагрузочного теста';
  const secret = newTotpSecret();
  await db.query(
    `insert into staff (email, name, role, state, password_hash, totp_secret, created_at, enrolled_at)
     values ($1, 'Бухгалтер (нагрузочный тест)', 'accountant', 'active', $2, $3, now(), now())`,
    [email, await hashPassword(password), sealSecret(appSecret, secret)],
  );
  const browser = new Browser('127.0.9.1', 'bench-load accountant');
  const first = browser.expect(await browser.post(`${baseUrl}/admin/login`, { email, password }, `${baseUrl}/admin/login`), 200, 'staff password step');
  const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)?.[1];
  if (!challenge) throw new Error('staff sign-in: no code step after the password');
  const code = hotp(base32Decode(secret)!, totpStep(new Date()));
  browser.expect(await browser.post(`${baseUrl}/admin/login/code`, { challenge, code }), 303, 'staff code step');
  return { browser, email };
}

/**
 * Waits until every receipt chain ends in `done`, re-issuing each failed receipt once through
 * «Отправить повторно» as the accountant; false on timeout.
 */
export async function settleReceipts(db: pg.Pool, staff: Browser, baseUrl: string, timeoutMs: number): Promise<{ settled: boolean; reissued: number }> {
  const deadline = performance.now() + timeoutMs;
  let reissued = 0;
  let lastReport = 0;
  while (performance.now() < deadline) {
    const failed = await db.query<{ id: string }>(`select r.id from receipts r where r.state = 'fail' and not exists (select 1 from receipts n where n.reissue_of = r.id)`);
    for (const { id } of failed.rows) {
      const answer = await staff.post(`${baseUrl}/admin/receipts/${id}/reissue`, {}, `${baseUrl}/admin/receipts?view=failed`);
      staff.expect(answer, 303, `re-issue receipt ${id}`);
      reissued++;
    }
    const { rows } = await db.query<{ open: number }>(`select count(*)::int as open from receipts where state in ('queued', 'sent', 'wait')`);
    if (rows[0]!.open === 0 && failed.rows.length === 0) return { settled: true, reissued };
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      console.log(`  receipts: ${rows[0]!.open} not done yet, ${reissued} re-issued`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { settled: false, reissued };
}
