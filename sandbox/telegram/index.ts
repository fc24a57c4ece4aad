/**
 * Offline Telegram Bot API for tests and local development. It shares no code with the app's
 * Telegram client on purpose (nothing from src/): its own HTML parsing, errors and rules, so a
 * client bug cannot hide in both.
 */
export { createTelegramSandbox } from './sandbox.js';
export type {
  FaultSwitch,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  PersonInput,
  PersonView,
  SentMessage,
  TelegramFaults,
  TelegramSandbox,
  TelegramSandboxOptions,
  TelegramUser,
  Update,
  WebhookDelivery,
} from './types.js';
