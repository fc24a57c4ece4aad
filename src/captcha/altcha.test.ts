import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describe, expect, it } from 'vitest';
import { captchaKeys, checkCaptcha, createCaptchaChallenge, type CaptchaForm } from './altcha.js';

const keys = captchaKeys('unit-test-secret-that-is-long-enough');

async function solved(form: CaptchaForm): Promise<string> {
  const challenge = await createCaptchaChallenge(keys, form);
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('captcha per form', () => {
  it('accepts a solved challenge for the form it was made for', async () => {
    expect(await checkCaptcha(keys, await solved('order'), 'order')).toMatchObject({ ok: true });
    expect(await checkCaptcha(keys, await solved('sign-in'), 'sign-in')).toMatchObject({ ok: true });
  });

  it('refuses the order form’s cheaper challenge on the sign-in form, and the other way round', async () => {
    expect(await checkCaptcha(keys, await solved('order'), 'sign-in')).toEqual({ ok: false, reason: 'wrong' });
    expect(await checkCaptcha(keys, await solved('sign-in'), 'order')).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a challenge whose form was changed after signing', async () => {
    const payload = JSON.parse(Buffer.from(await solved('order'), 'base64').toString());
    payload.challenge.parameters.data.form = 'sign-in';
    expect(await checkCaptcha(keys, Buffer.from(JSON.stringify(payload)).toString('base64'), 'sign-in')).toEqual({ ok: false, reason: 'wrong' });
  });
});
