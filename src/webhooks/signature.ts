import { createHmac, randomBytes } from 'node:crypto';

// The signature of every delivery (docs/integrations.md#signature), as Stripe does it:
// X-Uslugi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint's secret>.
// The timestamp is inside the signed text, so a receiver that refuses old timestamps (5 minutes)
// cannot be fed a captured request again later.

export const SIGNATURE_HEADER = 'X-Uslugi-Signature';

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return `t=${t},v1=${v1}`;
}

/** A new signing secret, shown to staff once: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
