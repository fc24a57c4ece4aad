import { describe, expect, it } from 'vitest';
import { resendRefusal } from './email-resend.js';

describe('resendRefusal', () => {
  it.each([
    [{ secret: false, status: 'sent' }, null],
    [{ secret: false, status: 'failed' }, null],
    [{ secret: true, status: 'failed' }, null],
    [{ secret: false, status: 'queued' }, 'still_queued'],
    [{ secret: true, status: 'queued' }, 'still_queued'],
    [{ secret: true, status: 'sent' }, 'secret_delivered'],
  ] as const)('%j → %s', (email, refusal) => {
    expect(resendRefusal(email)).toBe(refusal);
  });

  it('refuses another copy while an earlier copy is still queued, allows it once that one is done', () => {
    const email = { secret: false, status: 'sent' } as const;
    expect(resendRefusal(email, [{ status: 'sent' }, { status: 'queued' }])).toBe('copy_queued');
    expect(resendRefusal(email, [{ status: 'sent' }, { status: 'failed' }])).toBeNull();
  });
});
