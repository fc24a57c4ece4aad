import { ERRORS, badRequest } from './errors.js';
import { parseHtmlText } from './html-text.js';
import type { Params } from './params.js';
import { chatOf } from './people.js';
import { readReplyMarkup } from './reply-markup.js';
import type { SandboxState } from './state.js';
import type { LinkPreviewOptions, Message, MessageEntity } from './types.js';

const MAX_TEXT = 4096;

/** The text as the recipient reads it and its entities, after parse_mode (or explicit entities). */
function readText(params: Params): { text: string; entities: MessageEntity[]; parseMode?: string } {
  const source = params.string('text');
  if (source === undefined || source === '') throw ERRORS.textEmpty();
  const parseMode = params.string('parse_mode');
  if (parseMode === undefined || parseMode === '') {
    const explicit = params.json('entities');
    if (explicit !== undefined && !Array.isArray(explicit)) throw badRequest("can't parse entities JSON object");
    return { text: source, entities: (explicit as MessageEntity[] | undefined) ?? [] };
  }
  const mode = parseMode.toLowerCase();
  if (mode === 'html') {
    const parsed = parseHtmlText(source);
    if (!parsed.ok) throw ERRORS.cantParse(parsed.error);
    return { text: parsed.text, entities: parsed.entities, parseMode };
  }
  // The real API knows these two; the fake does not implement them, and says so rather than pretend.
  if (mode === 'markdownv2' || mode === 'markdown') throw ERRORS.cantParse(`the Telegram sandbox implements parse_mode HTML only, not ${parseMode}`);
  throw badRequest('unsupported parse_mode');
}

function readLinkPreview(params: Params): LinkPreviewOptions | undefined {
  const options = params.json('link_preview_options');
  if (options !== undefined) {
    if (!options || typeof options !== 'object' || Array.isArray(options)) throw badRequest("can't parse link preview options JSON object");
    return options as LinkPreviewOptions;
  }
  return params.bool('disable_web_page_preview') ? { is_disabled: true } : undefined;
}

/**
 * sendMessage to a private chat (core.telegram.org/bots/api#sendmessage). Checks in the order the
 * API does: parameters and text first, then whether the chat exists (a person must have written to
 * the bot), then whether they blocked it.
 */
export function sendMessage(state: SandboxState, params: Params, acceptLocalUrls: boolean): Message {
  const chatParam = params.string('chat_id');
  if (chatParam === undefined || chatParam === '') throw badRequest('chat_id is empty');
  const { text, entities, parseMode } = readText(params);
  if (text.trim() === '') throw ERRORS.textEmpty();
  if (text.length > MAX_TEXT) throw ERRORS.textTooLong();
  const replyMarkup = readReplyMarkup(params.json('reply_markup'), acceptLocalUrls);
  const linkPreviewOptions = readLinkPreview(params);

  // Only private chats exist here; "@name" addresses channels, of which the fake has none.
  const person = /^\d+$/.test(chatParam.trim()) ? state.people.get(Number(chatParam)) : undefined;
  if (!person) throw ERRORS.chatNotFound();
  if (person.blocked) throw ERRORS.blocked();

  const messageId = ++person.lastMessageId;
  const date = state.now();
  person.history.push({ from: 'bot', messageId, date, text, entities, ...(replyMarkup ? { replyMarkup } : {}) });
  state.sent.push({
    chatId: person.user.id,
    messageId,
    date,
    text,
    sourceText: params.string('text') ?? '',
    ...(parseMode ? { parseMode } : {}),
    entities,
    ...(replyMarkup ? { replyMarkup } : {}),
    ...(linkPreviewOptions ? { linkPreviewOptions } : {}),
    disableNotification: params.bool('disable_notification'),
  });
  return {
    message_id: messageId,
    from: state.bot,
    chat: chatOf(person.user),
    date: Math.floor(date.getTime() / 1000),
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
    ...(linkPreviewOptions ? { link_preview_options: linkPreviewOptions } : {}),
  };
}
