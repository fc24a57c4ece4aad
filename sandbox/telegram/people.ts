import type { Person, SandboxState } from './state.js';
import type { MessageEntity, PersonInput, PrivateChat, TelegramUser, Update } from './types.js';

/**
 * What people do to the bot: write to it, block it, come back. Each action changes the chat and
 * queues the update the real API would produce, so the bot under test sees them only through
 * getUpdates or its webhook.
 */
export function chatOf(user: TelegramUser): PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

function userOf(input: PersonInput): TelegramUser {
  if (!Number.isSafeInteger(input.id) || input.id <= 0) throw new Error(`userWrites: user id must be a positive integer, got ${input.id}`);
  if (input.firstName.trim() === '') throw new Error('userWrites: firstName is required (Telegram has no user without one)');
  return {
    id: input.id,
    is_bot: false,
    first_name: input.firstName,
    ...(input.lastName ? { last_name: input.lastName } : {}),
    ...(input.username ? { username: input.username.replace(/^@/, '') } : {}),
    language_code: input.languageCode ?? 'ru',
  };
}

/** A leading "/command" (or "/command@bot") is a bot_command entity, as clients mark it. */
function commandEntities(text: string): MessageEntity[] {
  const match = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text);
  return match ? [{ type: 'bot_command', offset: 0, length: match[0].length }] : [];
}

function memberChange(state: SandboxState, person: Person, from: string, to: string): void {
  state.queue('my_chat_member', {
    chat: chatOf(person.user),
    from: person.user,
    date: state.unixNow(),
    old_chat_member: { user: state.bot, status: from },
    new_chat_member: { user: state.bot, status: to, ...(to === 'kicked' ? { until_date: 0 } : {}) },
  });
}

export function userWrites(state: SandboxState, input: PersonInput, text: string): Update | null {
  if (text.trim() === '') throw new Error('userWrites: a message needs text');
  const user = userOf(input);
  let person = state.people.get(user.id);
  if (!person) {
    person = { user, blocked: false, history: [], lastMessageId: 0 };
    state.people.set(user.id, person);
  } else {
    person.user = user;
  }
  // Writing to a bot you blocked restarts it first, as the Telegram apps do.
  if (person.blocked) unblockBot(state, user.id);

  const entities = commandEntities(text);
  const messageId = ++person.lastMessageId;
  const date = state.now();
  person.history.push({ from: 'person', messageId, date, text, entities });
  const message = {
    message_id: messageId,
    from: user,
    chat: chatOf(user),
    date: Math.floor(date.getTime() / 1000),
    text,
    ...(entities.length > 0 ? { entities } : {}),
  };
  // Filtered out by allowed_updates: the person still wrote, the bot just never hears of it.
  return state.queue('message', message);
}

export function blockBot(state: SandboxState, userId: number): void {
  const person = state.people.get(userId);
  if (!person) throw new Error(`blockBot: user ${userId} never wrote to the bot`);
  if (person.blocked) return;
  person.blocked = true;
  memberChange(state, person, 'member', 'kicked');
}

export function unblockBot(state: SandboxState, userId: number): void {
  const person = state.people.get(userId);
  if (!person) throw new Error(`unblockBot: user ${userId} never wrote to the bot`);
  if (!person.blocked) return;
  person.blocked = false;
  memberChange(state, person, 'kicked', 'member');
}
