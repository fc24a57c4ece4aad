/** The fake's public TypeScript API (re-exported by index.ts). Field names of Bot API objects stay snake_case, as on the wire. */

export interface TelegramSandboxOptions {
  /** The bot token the client must use in `/bot{token}/{method}`, e.g. `123456789:AAE…`; the part before `:` is the bot's id. */
  token: string;
  /** getMe's username; default `uslugi_sandbox_bot`. */
  botUsername?: string;
  /** getMe's first_name; default `Услуги (песочница)`. */
  botName?: string;
  /** Time of message dates, webhook errors and rate-limit windows; default the real clock. Long-poll waits always use real time. */
  clock?: () => Date;
  /** update_id of the first update; default a random number, as the real API does not start at 1. */
  firstUpdateId?: number;
  /**
   * Real Telegram refuses inline-keyboard URLs whose host has no dot (`http://localhost:3000/…`) with
   * "Bad Request: BUTTON_URL_INVALID"; the fake does too unless this is true.
   */
  acceptLocalButtonUrls?: boolean;
  /** Pause before a failed webhook delivery is tried again (real milliseconds); default 1000. */
  webhookRetryMs?: number;
  /** How long a webhook may take to answer (real milliseconds); default 10 000. */
  webhookTimeoutMs?: number;
  /** Passed to Fastify; default false. */
  logger?: boolean | object;
}

export interface TelegramUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface PrivateChat {
  id: number;
  type: 'private';
  first_name: string;
  last_name?: string;
  username?: string;
}

export interface MessageEntity {
  type: string;
  /** In UTF-16 code units, as the Bot API counts. */
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface InlineKeyboardButton {
  text: string;
  url?: string;
  callback_data?: string;
  [other: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface LinkPreviewOptions {
  is_disabled?: boolean;
  url?: string;
  prefer_small_media?: boolean;
  prefer_large_media?: boolean;
  show_above_text?: boolean;
}

export interface Message {
  message_id: number;
  from: TelegramUser;
  chat: PrivateChat;
  date: number;
  text: string;
  entities?: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
  link_preview_options?: LinkPreviewOptions;
}

export interface ChatMemberUpdated {
  chat: PrivateChat;
  from: TelegramUser;
  date: number;
  old_chat_member: { user: TelegramUser; status: string };
  new_chat_member: { user: TelegramUser; status: string; until_date?: number };
}

export interface Update {
  update_id: number;
  message?: Message;
  my_chat_member?: ChatMemberUpdated;
}

/** A person as the test or the page describes them. */
export interface PersonInput {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  /** Default `ru`. */
  languageCode?: string;
}

/** One accepted sendMessage, as the recipient would see it. */
export interface SentMessage {
  chatId: number;
  messageId: number;
  date: Date;
  /** The text after entity parsing (what the person reads). */
  text: string;
  /** The text exactly as the bot sent it. */
  sourceText: string;
  parseMode?: string;
  entities: MessageEntity[];
  replyMarkup?: InlineKeyboardMarkup;
  linkPreviewOptions?: LinkPreviewOptions;
  disableNotification: boolean;
}

export interface PersonView {
  user: TelegramUser;
  /** Whether the person has blocked the bot (sendMessage then answers 403). */
  blocked: boolean;
  /** The private chat, with the people's and the bot's messages in order. */
  history: { from: 'person' | 'bot'; messageId: number; date: Date; text: string; entities: MessageEntity[]; replyMarkup?: InlineKeyboardMarkup }[];
}

export interface WebhookDelivery {
  url: string;
  updateId: number;
  /** HTTP status of the bot's answer, or null when there was none (refused, timeout). */
  httpStatus: number | null;
  /** The X-Telegram-Bot-Api-Secret-Token header sent, if a secret_token was set. */
  secretToken?: string;
  at: Date;
  error?: string;
}

export interface TelegramFaults {
  /** Bot API requests get their connection dropped without an answer (as if api.telegram.org were unreachable). */
  down?: boolean;
  /** Every Bot API answer is delayed this long (real milliseconds). */
  slowMs?: number;
  /** The next `count` calls (of `method` only, if given) answer HTTP `status` (default 500) with the error body. */
  serverError?: { count: number; method?: string; status?: number };
  /** Flood control: calls (of `method` only, if given) answer 429 with parameters.retry_after until `retryAfter` seconds of the clock have passed. getUpdates is never limited. */
  rateLimit?: { retryAfter: number; method?: string };
}

export interface FaultSwitch {
  /** Replaces the faults; `set({})` clears them. */
  set(faults: TelegramFaults): void;
  clear(): void;
  current(): TelegramFaults;
}

export interface TelegramSandbox {
  readonly token: string;
  /** Base URL (the listening address): the client's TELEGRAM_API_URL. */
  readonly url: string;
  /** Default port 0, host 127.0.0.1; returns url. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** A person writes `text` to the bot in private: creates the person and the chat if new (un-blocking the bot if they had blocked it) and queues the update (null when allowed_updates leave messages out). */
  userWrites(person: PersonInput, text: string): Update | null;
  /** The person blocks the bot: sendMessage to them answers 403 and a my_chat_member update (status "kicked") is queued. */
  blockBot(userId: number): void;
  /** The person restarts the bot after blocking it (a my_chat_member update, status "member"). */
  unblockBot(userId: number): void;
  /** Everyone who ever wrote to the bot, with their chat. */
  users(): PersonView[];
  /** Private chats the bot can write to (ids). */
  chats(): number[];
  /** Accepted sendMessage calls, oldest first; only those to `chatId` when given. */
  sent(chatId?: number): SentMessage[];
  /** Updates waiting to be confirmed (getUpdates) or delivered (webhook). */
  pendingUpdates(): Update[];
  webhookDeliveries(): WebhookDelivery[];
  faults: FaultSwitch;
}
