import { setTimeout as sleep } from 'node:timers/promises';
import type { JobWithMetadata } from 'pg-boss';
import { deliverNotification } from '../actions/notifications/deliver-notification.js';
import { handleTelegramUpdate, type UpdateOutcome } from '../actions/notifications/handle-telegram-update.js';
import type { Deps } from '../app-deps.js';
import { savedPollOffset } from '../db/queries/notifications.js';
import type { TelegramBot } from '../notifications/telegram/bot-api.js';
import type { JobPayloads } from '../queue.js';

type DeliveryJob = Pick<JobWithMetadata<JobPayloads['notifications.deliver']>, 'data' | 'retryCount' | 'retryLimit'>;

/** One alert to one person on one channel; a retryable answer fails the run so that pg-boss tries again with backoff. */
export async function deliverNotificationJob(deps: Deps, job: DeliveryJob): Promise<void> {
  const outcome = await deliverNotification(deps, job.data.notificationId, { lastTry: job.retryCount >= job.retryLimit });
  if (outcome.kind === 'retry') throw new Error(`staff alert not delivered yet: ${outcome.answer}`);
}

const replies: Partial<Record<UpdateOutcome['kind'], string>> = {
  // Says when alerts come: one that waits for the working morning should not look like a broken bot.
  linked: 'Готово: уведомления uslugi будут приходить сюда. По умолчанию только в рабочее время (пн–пт 9:00–18:00 мск), остальные ждут утра; часы, каналы и события меняются в профиле.',
  code_refused: 'Код не подошёл: он действует 15 минут и только один раз. Получите новый в своём профиле в uslugi.',
  no_code: 'Это бот уведомлений для сотрудников uslugi. Чтобы получать их здесь, откройте свой профиль в uslugi и нажмите «Привязать Telegram».',
};

/** Seconds a getUpdates call waits for an update: shorter than any proxy's idle timeout. */
const LONG_POLL_S = 25;

/**
 * The worker's getUpdates loop (decision 019): reads `/start CODE` and blocks, one update at a time,
 * from the offset saved in the database. Ends when the bot is closed (deps.close()). Only one process
 * may poll a bot: a second one gets 409 from Telegram, and waits.
 */
export async function pollTelegramUpdates(deps: Pick<Deps, 'db' | 'clock' | 'log'>, bot: TelegramBot): Promise<void> {
  let pause = 0;
  while (!bot.closed.aborted) {
    if (pause > 0) await sleep(pause, undefined, { signal: bot.closed }).catch(() => {});
    if (bot.closed.aborted) return;
    try {
      const answer = await bot.getUpdates(await savedPollOffset(deps.db), LONG_POLL_S);
      if (bot.closed.aborted) return;
      if (answer.kind !== 'ok') {
        pause = answer.kind === 'rate_limited' ? answer.retryAfter * 1000 : Math.min(Math.max(pause * 2, 1000), 60_000);
        const hint = answer.kind === 'refused' && answer.status === 409 ? ' (another process reads this bot, or a webhook is set)' : '';
        deps.log.warn({ answer: answer.kind, description: answer.description }, `Telegram getUpdates failed${hint}; trying again`);
        continue;
      }
      pause = 0;
      for (const update of answer.result) {
        const outcome = await handleTelegramUpdate(deps, update);
        const reply = replies[outcome.kind];
        if (reply && 'chatId' in outcome) await bot.sendMessage(outcome.chatId, reply);
        if (outcome.kind !== 'no_code' && outcome.kind !== 'ignored') deps.log.info({ update: update.update_id, outcome: outcome.kind }, 'Telegram update handled');
      }
    } catch (error) {
      if (bot.closed.aborted) return;
      pause = Math.min(Math.max(pause * 2, 1000), 60_000);
      deps.log.error({ err: error }, 'Telegram update loop failed; trying again');
    }
  }
}
