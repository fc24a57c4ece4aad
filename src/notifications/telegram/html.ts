import type { AlertMessage } from '../../domain/notifications/alert-message.js';

// Telegram's HTML parse mode: only a few tags, and the text between them must escape <, > and &
// (an attribute also "). Everything from our data goes through escapeHtml.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The alert as a Telegram message. The link (the order card, the leads) is in the text, not an inline button: Telegram
 * refuses button URLs on a host without a dot (localhost in development).
 */
export function telegramAlert(message: AlertMessage): string {
  return [`<b>${escapeHtml(message.title)}</b>`, ...message.lines.map(escapeHtml), `<a href="${escapeHtml(message.cardUrl)}">${escapeHtml(message.cardLabel)}</a>`].join('\n');
}
