import type { FastifyBaseLogger } from 'fastify';
import type { InlineKeyboardMarkup, MessageEntity, SentMessage, TelegramFaults, TelegramUser, Update, WebhookDelivery } from './types.js';

/** Update types a bot gets when it never chose (the API leaves these three out unless asked). */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export interface ChatEntry {
  from: 'person' | 'bot';
  messageId: number;
  date: Date;
  text: string;
  entities: MessageEntity[];
  replyMarkup?: InlineKeyboardMarkup;
}

export interface Person {
  user: TelegramUser;
  blocked: boolean;
  history: ChatEntry[];
  /** Message ids of a private chat are one sequence for both sides. */
  lastMessageId: number;
}

export interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** Everything one fake instance knows; the routes, the people controls and the webhook sender share it. */
export class SandboxState {
  readonly people = new Map<number, Person>();
  /** Unconfirmed (getUpdates) or undelivered (webhook) updates, oldest first. */
  updates: Update[] = [];
  /** null: the API's default set. Changed by getUpdates/setWebhook with allowed_updates. */
  allowedUpdates: string[] | null = null;
  webhook: Webhook | null = null;
  readonly sent: SentMessage[] = [];
  readonly deliveries: WebhookDelivery[] = [];
  faults: TelegramFaults = {};
  /** Calls still to fail under faults.serverError. */
  serverErrorsLeft = 0;
  /** Clock time (ms) until which faults.rateLimit answers 429. */
  rateLimitedUntil = 0;
  log!: FastifyBaseLogger;
  private nextUpdateId: number;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly bot: TelegramUser,
    readonly token: string,
    readonly now: () => Date,
    firstUpdateId: number,
  ) {
    this.nextUpdateId = firstUpdateId;
  }

  unixNow(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  /** Queues an update unless the bot's allowed_updates leave its type out (the API filters when an update is created). */
  queue(kind: 'message' | 'my_chat_member', payload: Update[typeof kind]): Update | null {
    const wanted = this.allowedUpdates;
    if (wanted === null ? NOT_BY_DEFAULT.has(kind) : !wanted.includes(kind)) return null;
    const update: Update = { update_id: this.nextUpdateId++, [kind]: payload };
    this.updates.push(update);
    for (const listener of [...this.listeners]) listener();
    return update;
  }

  /** Called after every new update (long polls waiting, the webhook sender). */
  onUpdate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
