import type { TelegramLink } from '../../../db/queries/notifications.js';
import type { StaffMember } from '../../../db/queries/staff.js';
import type { NotificationPreferences } from '../../../domain/notifications/preferences.js';
import { staffEventKinds, staffEventNames } from '../../../domain/notifications/staff-events.js';
import { roleNames } from '../../../domain/staff/staff-access.js';
import { moscowDateTime } from '../../../email/templates/format.js';
import { PostForm } from '../../views/form-kit.js';

export interface ProfilePageProps {
  me: StaffMember;
  preferences: NotificationPreferences;
  link: TelegramLink | null;
  /** False when the shop has no Telegram bot (TELEGRAM_BOT_TOKEN unset). */
  telegramOn: boolean;
  /** A code just issued, with its one-tap link. */
  code?: { code: string; expiresAt: Date; startLink: string | null };
  notice?: string;
  csrfToken: string;
}

/** The signed-in member's own settings: the Telegram link and what alerts they get, where and when. */
export function ProfilePage({ me, preferences, link, telegramOn, code, notice, csrfToken }: ProfilePageProps) {
  return (
    <>
      <h1>Профиль</h1>
      <p>
        {me.name}, {me.email} — {roleNames[me.role]}
      </p>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section class="panel">
        <h2>Telegram</h2>
        {!telegramOn ? (
          <p class="hint">Бот для уведомлений не настроен (TELEGRAM_BOT_TOKEN): уведомления приходят только письмом.</p>
        ) : (
          <TelegramSection link={link} code={code} csrfToken={csrfToken} />
        )}
      </section>
      <section class="panel">
        <h2>Уведомления</h2>
        <PostForm action="/admin/profile/notifications" csrfToken={csrfToken}>
          <fieldset class="field">
            <legend>Куда</legend>
            <label>
              <input type="checkbox" name="channel_email" checked={preferences.channels.email} /> письмом на {me.email}
            </label>
            <label>
              <input type="checkbox" name="channel_telegram" checked={preferences.channels.telegram} /> в Telegram (пока он не привязан, приходят письма)
            </label>
          </fieldset>
          <fieldset class="field">
            <legend>О чём</legend>
            {staffEventKinds.map((kind) => (
              <label>
                <input type="checkbox" name="events" value={kind} checked={preferences.events.includes(kind)} /> {staffEventNames[kind]}
              </label>
            ))}
            <p class="hint">О заказе приходит тому менеджеру, который его взял, а пока никто не взял — всем менеджерам. Администраторы получают то, что отметили.</p>
          </fieldset>
          <fieldset class="field">
            <legend>Когда</legend>
            <label>
              <input type="radio" name="when" value="working_hours" checked={preferences.workingHoursOnly} /> в рабочее время по производственному календарю (ночью, в выходные и праздники
              уведомление ждёт 09:00 следующего рабочего дня)
            </label>
            <label>
              <input type="radio" name="when" value="always" checked={!preferences.workingHoursOnly} /> в любое время
            </label>
          </fieldset>
          <button class="button" type="submit">
            Сохранить
          </button>
        </PostForm>
      </section>
    </>
  );
}

function TelegramSection({ link, code, csrfToken }: Pick<ProfilePageProps, 'link' | 'code' | 'csrfToken'>) {
  return (
    <>
      {link && !link.blockedAt && (
        <p>
          <span class="badge badge-ok">привязан</span> {link.username ? `@${link.username}` : `чат ${link.chatId}`}, с {moscowDateTime(link.linkedAt)} (мск).
        </p>
      )}
      {link?.blockedAt && (
        <p class="admin-banner" role="alert">
          Бот заблокирован в Telegram с {moscowDateTime(link.blockedAt)} (мск): уведомления туда не доходят и приходят письмом. Разблокируйте бота в Telegram или привяжите
          Telegram заново.
        </p>
      )}
      {!link && <p>Telegram не привязан: уведомления приходят письмом.</p>}
      {code ? (
        <div class="notice" role="status">
          <p>
            Одноразовый код: <strong class="telegram-code">{code.code}</strong> — действует до {moscowDateTime(code.expiresAt)} (мск), один раз.
          </p>
          {code.startLink && (
            <p>
              <a href={code.startLink} rel="noopener noreferrer" target="_blank">
                Открыть бота и отправить код
              </a>
            </p>
          )}
          <p class="hint">
            Или напишите боту <code>/start {code.code}</code>. Бот ответит «Готово», и уведомления начнут приходить в этот чат.
          </p>
        </div>
      ) : (
        <PostForm action="/admin/profile/telegram/code" csrfToken={csrfToken}>
          <button class="button" type="submit">
            {link ? 'Привязать другой Telegram' : 'Привязать Telegram'}
          </button>
        </PostForm>
      )}
      {link && (
        <PostForm action="/admin/profile/telegram/unlink" csrfToken={csrfToken}>
          <button class="button button-secondary" type="submit">
            Отвязать Telegram
          </button>
        </PostForm>
      )}
    </>
  );
}
