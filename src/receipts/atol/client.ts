import type { Logger } from '../../log.js';
import type { CashRegister, RegisterAnswer, ReportAnswer } from '../cash-register.js';
import { errorCodeOf, type HttpAnswer, registerAnswer, reportAnswer, TOKEN_ERRORS } from './answers.js';
import { atolRequest, operationFor } from './body.js';

// ATOL Online v5 as a CashRegister (docs/atol-protocol.md): a token from getToken, kept until ATOL
// says it is unknown or expired (codes 10/11, then one new token and one repeat of the call), the
// document POSTed to {group}/{sell|sell_refund}, its state read from {group}/report/{uuid}.
// Nothing secret or personal is logged: no token, no password, no body.

export interface AtolConfig {
  /** `https://online.atol.ru/possystem/v5` (test: `https://testonline.atol.ru/possystem/v5`, or the sandbox's apiUrl). */
  apiUrl: string;
  login: string;
  password: string;
  groupCode: string;
  /** Per HTTP request. */
  timeoutMs: number;
}

export interface AtolDeps {
  fetch?: typeof fetch;
  /** ms since epoch; for the token's 24 h. */
  now?: () => number;
  log?: Pick<Logger, 'info' | 'warn'>;
}

/** A token lives 24 h from first issue; one older than that is not worth sending (docs/atol-protocol.md#tokens). */
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

type Sent = { ok: true; answer: HttpAnswer } | { ok: false; reason: string };

export function createAtolCashRegister(config: AtolConfig, deps: AtolDeps = {}): CashRegister {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const log = deps.log;
  const base = config.apiUrl.replace(/\/+$/, '');
  const group = encodeURIComponent(config.groupCode);

  let cached: { value: string; obtainedAtMs: number } | null = null;
  // One getToken at a time: calls that need a token meanwhile wait for the same answer.
  let pending: Promise<{ ok: true; token: string } | { ok: false; reason: string }> | null = null;

  async function send(method: 'GET' | 'POST', path: string, body: string | undefined, token: string | undefined): Promise<Sent> {
    try {
      const response = await fetchImpl(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...(token ? { token } : {}), accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined; // a proxy's HTML page, or nothing
      }
      return { ok: true, answer: { status: response.status, json } };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? `timeout after ${config.timeoutMs} ms` : 'network error' };
    }
  }

  async function fetchToken(): Promise<{ ok: true; token: string } | { ok: false; reason: string }> {
    const sent = await send('POST', '/getToken', JSON.stringify({ login: config.login, pass: config.password }), undefined);
    if (!sent.ok) return sent;
    const json = sent.answer.json as { token?: unknown; error?: { code?: unknown; text?: unknown } | null } | undefined;
    if (sent.answer.status === 200 && typeof json?.token === 'string' && json.token !== '' && !json.error) {
      cached = { value: json.token, obtainedAtMs: now() };
      return { ok: true, token: json.token };
    }
    const code = typeof json?.error?.code === 'number' ? json.error.code : null;
    const reason = code === null ? `getToken: HTTP ${sent.answer.status}` : `getToken refused (check the ATOL login and password): ATOL error ${code}${typeof json?.error?.text === 'string' ? `: ${json.error.text}` : ''}`;
    log?.warn({ register: 'atol', httpStatus: sent.answer.status, code }, 'ATOL getToken failed');
    return { ok: false, reason };
  }

  function token(): Promise<{ ok: true; token: string } | { ok: false; reason: string }> {
    if (cached && now() - cached.obtainedAtMs < TOKEN_LIFETIME_MS) return Promise.resolve({ ok: true, token: cached.value });
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  }

  /** The call with the current token; on code 10/11 once more with a new one. */
  async function authorised(method: 'GET' | 'POST', path: string, body?: string): Promise<Sent> {
    const first = await token();
    if (!first.ok) return first;
    const sent = await send(method, path, body, first.token);
    if (!sent.ok) return sent;
    const code = errorCodeOf(sent.answer);
    if (code === null || !TOKEN_ERRORS.has(code)) return sent;
    // Only the token that was refused is forgotten: another call may have replaced it already.
    if (cached?.value === first.token) cached = null;
    log?.info({ register: 'atol', code }, 'ATOL token refused: getting a new one');
    const second = await token();
    if (!second.ok) return second;
    return send(method, path, body, second.token);
  }

  return {
    async register(document, externalId, options): Promise<RegisterAnswer> {
      const operation = operationFor(document);
      const body = JSON.stringify(atolRequest(document, externalId, options));
      const sent = await authorised('POST', `/${group}/${operation}`, body);
      const answer: RegisterAnswer = sent.ok ? registerAnswer(sent.answer) : { kind: 'unavailable', reason: sent.reason };
      const fields = { register: 'atol', operation, externalId, answer: answer.kind };
      if (answer.kind === 'accepted' || answer.kind === 'duplicate') log?.info({ ...fields, uuid: answer.uuid }, 'ATOL registration');
      else log?.warn({ ...fields, ...(answer.kind === 'rejected' ? { code: answer.error.code, text: answer.error.text } : { reason: answer.reason }) }, 'ATOL registration not accepted');
      return answer;
    },

    async report(uuid): Promise<ReportAnswer> {
      const sent = await authorised('GET', `/${group}/report/${encodeURIComponent(uuid)}`);
      const answer: ReportAnswer = sent.ok ? reportAnswer(sent.answer, uuid) : { kind: 'unavailable', reason: sent.reason };
      if (answer.kind === 'unavailable') log?.warn({ register: 'atol', uuid, reason: answer.reason }, 'ATOL report unavailable');
      else if (answer.kind === 'fail') log?.warn({ register: 'atol', uuid, code: answer.error.code, text: answer.error.text }, 'ATOL document failed');
      return answer;
    },
  };
}
