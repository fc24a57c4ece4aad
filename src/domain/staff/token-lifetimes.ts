// How long the staff sign-in's single-use secrets live.
export const STAFF_TOKEN_LIFETIMES = {
  /** The emailed invitation (set a password, then enrol TOTP). */
  invite: 72 * 60 * 60_000,
  /** From the password to the first TOTP code of the enrolment: time to install an app and scan. */
  enrol: 30 * 60_000,
  /** From the password to the TOTP code at sign-in. */
  login: 5 * 60_000,
} as const;

export const after = (now: Date, ms: number) => new Date(now.getTime() + ms);
