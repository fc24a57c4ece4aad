import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHmac } from 'node:crypto';

// ALTCHA proof of work, self-hosted: no foreign service sees the visitor (152-FZ localisation).
// Deterministic effort: the server picks the counter the browser must reach, so every visitor does
// about the same work: `counter` key derivations of `cost` PBKDF2 iterations each. Few derivations of
// many iterations: each one costs a browser a fixed overhead (a WebCrypto call in a worker) that a
// script does not pay, so for the same wait on a phone the script does the most work this way.
// Tuned per form with `npm run bench:captcha` (docs/decisions/003-captcha-cost.md).
export const CAPTCHA_ALGORITHM = 'PBKDF2/SHA-256';

export interface CaptchaCost {
  /** PBKDF2 iterations of one derivation. */
  cost: number;
  /** The derivations to do are drawn from this range (a narrow one: the slowest draw is what a phone must bear). */
  counter: { min: number; max: number };
}

/** What each form's captcha costs (decision 003). */
export const CAPTCHA_FORMS = {
  /** Every order: about 0.6 s on a slow phone. */
  order: { cost: 10_000, counter: { min: 18, max: 22 } },
  /** Sign-in after failures, where a guesser pays per attempt: up to about 1 s on a slow phone. */
  'sign-in': { cost: 10_000, counter: { min: 26, max: 32 } },
} as const satisfies Record<string, CaptchaCost>;
export type CaptchaForm = keyof typeof CAPTCHA_FORMS;

export function isCaptchaForm(value: unknown): value is CaptchaForm {
  return typeof value === 'string' && Object.hasOwn(CAPTCHA_FORMS, value);
}

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
 * A new challenge for one form (named in its signed data, so a cheaper form's challenge does not pass
 * a dearer one), valid 10 minutes of real time: altcha-lib checks the expiry against the system
 * clock, so the challenge is dated by it too (not by the app's injectable clock).
 */
export function createCaptchaChallenge(keys: CaptchaKeys, form: CaptchaForm): Promise<Challenge> {
  const now = Date.now();
  const price: CaptchaCost = CAPTCHA_FORMS[form];
  return createChallenge({
    algorithm: CAPTCHA_ALGORITHM,
    cost: price.cost,
    counter: randomInt(price.counter.max, price.counter.min),
    data: { form },
    deriveKey,
    expiresAt: new Date(now + LIFETIME_SECONDS * 1000),
    hmacSignatureSecret: keys.signature,
    hmacKeySignatureSecret: keys.keySignature,
  });
}

export type CaptchaCheck =
  | { ok: true; challengeSignature: string; expiresAt: Date }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'wrong' };

/** Checks the widget's payload (base64 JSON) for a form. Single use is the caller's job: it records the signature. */
export async function checkCaptcha(keys: CaptchaKeys, payload: unknown, form: CaptchaForm): Promise<CaptchaCheck> {
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
  // Signed with the challenge, so it is what the server asked for.
  if (decoded.challenge.parameters.data?.form !== form) return { ok: false, reason: 'wrong' };
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
