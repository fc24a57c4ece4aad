import type { Logger } from './log.js';

// What a newcomer needs after `npm start`: where the shop, the first admin's link, the mailbox and the
// sandboxes are, and which test cards to pay with. A person reads it as a short aligned block; with
// LOG_FORMAT=json the same facts are log lines (the setup link is never logged: it creates an admin).

export interface StartFacts {
  /** Null in a worker-only process (ROLE=worker), which serves no pages. */
  shop: string | null;
  /** The one-time link that creates the first admin; null once staff exist. */
  setupLink: string | null;
  backOffice: string;
  mailbox: string | null;
  gateway: { url: string; cards: readonly { pan: string; note: string }[] } | null;
  register: string | null;
  telegram: string | null;
}

const spaced = (pan: string) => pan.replace(/(\d{4})(?=\d)/g, '$1 ');

/** The development console's block of aligned lines. */
export function startBlock(facts: StartFacts): string {
  const rows: [string, string][] = [];
  if (facts.shop) rows.push(['Shop', facts.shop]);
  if (facts.setupLink) rows.push(['First admin', `${facts.setupLink}  (no staff yet; this link works once)`]);
  else if (facts.shop) rows.push(['Back office', facts.backOffice]);
  if (facts.mailbox) rows.push(['Mailbox', `${facts.mailbox}  (emails stay on this machine)`]);
  if (facts.gateway) rows.push(['Freedom Pay', `${facts.gateway.url}  (sandbox, no real money)`]);
  if (facts.register) rows.push(['ATOL Online', `${facts.register}/receipts  (sandbox register, no real receipts)`]);
  if (facts.telegram) rows.push(['Telegram', `${facts.telegram}/  (sandbox bot for staff alerts: /start CODE)`]);
  if (facts.gateway) {
    const width = Math.max(...facts.gateway.cards.map((card) => spaced(card.pan).length));
    facts.gateway.cards.forEach((card, index) => rows.push([index === 0 ? 'Test cards' : '', `${spaced(card.pan).padEnd(width)}  ${card.note}`]));
    rows.push(['', 'any future expiry, any CVC; 3-D Secure code 111111']);
  }
  if (rows.length === 0) return '';
  const label = Math.max(...rows.map(([name]) => name.length));
  return `\n${rows.map(([name, value]) => `  ${name.padEnd(label)}  ${value}`).join('\n')}\n\n`;
}

/** The same facts for a machine: log lines, and the setup link on stdout only. */
export function logStartFacts(log: Logger, facts: StartFacts, write: (text: string) => void): void {
  if (facts.gateway) {
    log.info({ cards: facts.gateway.cards.map((card) => `${card.pan} ${card.note}`) }, `Sandbox Freedom Pay gateway at ${facts.gateway.url} (no real money; any future expiry, any CVC, 3-D Secure code 111111)`);
  }
  if (facts.register) log.info(`Sandbox ATOL Online register at ${facts.register} (no real receipts): the receipts it made are at ${facts.register}/receipts`);
  if (facts.telegram) log.info(`Sandbox Telegram bot for staff alerts at ${facts.telegram}/ (link your profile's Telegram there with /start CODE)`);
  if (facts.setupLink) write(`\nNo staff yet. Create the first admin (this link works once):\n  ${facts.setupLink}\n\n`);
  else if (facts.shop) log.info(`Back office: ${facts.backOffice}`);
}
