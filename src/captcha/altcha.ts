import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHmac } from 'node:crypto';

// ALTCHA proof of work, self-hosted: no foreign service sees the visitor (152-FZ localisation).
// Deterministic effort: the server picks the counter the browser must reach, so every visitor
// does about the same work. Tuned with bench/captcha.ts: about 0.1 s on this machine's Node,
// well under a second on a slow phone (see docs/decisions/003-captcha-cost.md).
export const CAPTCHA_ALGORITHM = 'PBKDF2/SHA-256';
export const CAPTCHA_COST = 100;
export const CAPTCHA_COUNTER = { min: 400, max: 800 } as const;
const LIFETIME_SECONDS = 10 * 60;

export interface CaptchaKeys {
  signature: string;
  keySignature: string;
}

/** Two independent HMAC keys derived from the app secret. */
export function captchaKeys(appSecret: string): CaptchaKeys {
  const derive = (label: string) => createHmac('sha256', appSecret).update(label).digest('hex');
  return { signature: derive('altcha-challenge'), keySignature: derive('altcha-key') };
}

/**
 * A new challenge, valid 10 minutes of real time: altcha-lib checks the expiry against the system
 * clock, so the challenge is dated by it too (not by the app's injectable clock).
 */
export function createCaptchaChallenge(keys: CaptchaKeys): Promise<Challenge> {
  const now = Date.now();
  return createChallenge({
    algorithm: CAPTCHA_ALGORITHM,
    cost: CAPTCHA_COST,
    counter: randomInt(CAPTCHA_COUNTER.max, CAPTCHA_COUNTER.min),
    deriveKey,
    expiresAt: new Date(now + LIFETIME_SECONDS * 1000),
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  });
}

export type CaptchaCheck =
  | { ok: true; challengeSignature: string; expiresAt: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'wrong' };

/** Checks the widget's payload (base64 JSON). Single use is the caller's job: it records the signature. */
export async function checkCaptcha(keys: CaptchaKeys, payload: unknown): Promise<CaptchaCheck> {
  if (typeof payload !== 'string' || payload === '') return { ok: false, reason: 'missing' };
  const decoded = decode(payload);
  if (!decoded?.challenge.signature || typeof decoded.challenge.parameters.expiresAt !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  const result = await verifySolution({
    challenge: decoded.challenge,
    solution: decoded.solution,
    deriveKey,
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  }).catch(() => null);
  if (!result) return { ok: false, reason: 'malformed' };
  if (result.expired) return { ok: false, reason: 'expired' };
  if (!result.verified) return { ok: false, reason: 'wrong' };
  return {
    ok: true,
    challengeSignature: decoded.challenge.signature,
    expiresAt: new Date(decoded.challenge.parameters.expiresAt * 1000),
  };
}

function decode(payload: string): Payload | null {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
    return value && typeof value === 'object' && value.challenge?.parameters && value.solution ? value : null;
  } catch {
    return null;
  }
}
