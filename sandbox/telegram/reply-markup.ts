import { badRequest } from './errors.js';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from './types.js';

/** Button kinds of an inline keyboard; exactly one of these goes with `text`. */
const ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

function checkUrl(url: string, acceptLocal: boolean): void {
  const invalid = () => badRequest(`inline keyboard button URL '${url}' is invalid`);
  if (!URL.canParse(url)) throw invalid();
  const parsed = new URL(url);
  if (parsed.protocol === 'tg:') return;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalid();
  // Telegram's servers refuse hosts without a dot (localhost, intranet names); IP addresses pass.
  if (!acceptLocal && !parsed.hostname.includes('.') && !parsed.hostname.startsWith('[')) throw badRequest('BUTTON_URL_INVALID');
}

function checkButton(button: unknown, acceptLocal: boolean): InlineKeyboardButton {
  if (!button || typeof button !== 'object' || Array.isArray(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  const fields = button as Record<string, unknown>;
  if (typeof fields.text !== 'string') throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`);
  if (fields.text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
  const actions = ACTIONS.filter((name) => fields[name] !== undefined);
  if (actions.length === 0) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) throw badRequest(`can't parse inline keyboard button: only one of ${actions.join(', ')} may be used`);
  if (fields.url !== undefined) {
    if (typeof fields.url !== 'string') throw badRequest(`can't parse inline keyboard button: Field "url" must be of type String`);
    checkUrl(fields.url, acceptLocal);
  }
  if (fields.callback_data !== undefined) {
    const bytes = typeof fields.callback_data === 'string' ? Buffer.byteLength(fields.callback_data) : 0;
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
  }
  return fields as InlineKeyboardButton;
}

/**
 * reply_markup of sendMessage. Inline keyboards are checked (text plus exactly one action, URLs the
 * servers accept, callback_data of 1–64 bytes); reply keyboards, keyboard removal and force_reply
 * are taken as they are. Returns the inline keyboard, the only kind that comes back in the Message.
 */
export function readReplyMarkup(markup: unknown, acceptLocalUrls: boolean): InlineKeyboardMarkup | undefined {
  if (markup === undefined) return undefined;
  if (!markup || typeof markup !== 'object' || Array.isArray(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as Record<string, unknown>).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  }
  return { inline_keyboard: (rows as unknown[][]).map((row) => row.map((button) => checkButton(button, acceptLocalUrls))) };
}
