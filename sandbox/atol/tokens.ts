import { randomBytes } from 'node:crypto';

/**
 * Issued tokens (docs/atol-protocol.md#tokens): opaque, bound to a login (and so to its groups), valid for
 * tokenTtlMs from first issue. Several may be valid at once. expireAll() is the "expired early"
 * fault: everything issued so far answers code 11 from then on.
 */
interface Token {
  login: string;
  expiresAtMs: number;
  revoked: boolean;
}

export type TokenCheck = { ok: true; login: string } | { ok: false; code: 10 | 11 };

export class TokenStore {
  private readonly tokens = new Map<string, Token>();

  constructor(
    private readonly ttlMs: number,
    private readonly reissue: 'same' | 'new',
  ) {}

  /** A token for this login: the still-valid one with its remaining life ('same'), or a fresh one. */
  issue(login: string, nowMs: number): string {
    if (this.reissue === 'same') {
      for (const [value, token] of this.tokens) {
        if (token.login === login && !token.revoked && token.expiresAtMs > nowMs) return value;
      }
    }
    // 128 url-safe characters, like the captured token ([C-SKOD] getTokenResponseSuccess.json).
    const value = randomBytes(96).toString('base64url');
    this.tokens.set(value, { login, expiresAtMs: nowMs + this.ttlMs, revoked: false });
    return value;
  }

  check(value: string | undefined, nowMs: number): TokenCheck {
    const token = value ? this.tokens.get(value) : undefined;
    if (!token) return { ok: false, code: 10 };
    if (token.revoked || token.expiresAtMs <= nowMs) return { ok: false, code: 11 };
    return { ok: true, login: token.login };
  }

  expireAll(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }
}
