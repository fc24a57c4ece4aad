/**
 * Versions of the legal texts in src/legal/. Every order records the versions the visitor accepted,
 * so any change to a text must come with a new version here (never reuse one).
 */
export const legalVersions = {
  offer: 'offer-2026-11-23',
  privacy: 'privacy-2026-11-23',
  consent: 'consent-2026-11-23',
} as const;

export type LegalDocument = keyof typeof legalVersions;

/**
 * The privacy policy's version as shown: with YANDEX_METRIKA_ID set it has the web analytics paragraph,
 * a different text, so orders record which of the two the client accepted.
 */
export function privacyVersion(settings: { metrika: boolean }): string {
  return settings.metrika ? `${legalVersions.privacy}+metrika` : legalVersions.privacy;
}
