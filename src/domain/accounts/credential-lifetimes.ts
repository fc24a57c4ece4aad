// How long credentials sent by email stay valid (docs/accounts.md#credentials).

const HOUR = 60 * 60_000;

export const LIFETIMES = {
  temporaryPassword: 72 * HOUR,
  verifyEmail: 72 * HOUR,
  changeEmail: 72 * HOUR,
  resetPassword: 1 * HOUR,
} as const;

export function validUntil(now: Date, lifetimeMs: number): Date {
  return new Date(now.getTime() + lifetimeMs);
}
