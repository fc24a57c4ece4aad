import type { Person } from '../state.js';
import type { InlineKeyboardMarkup, TelegramFaults } from '../types.js';
import { MessageText } from './message-text.js';

export interface PageProps {
  botUsername: string;
  apiUrl: string;
  webhookUrl: string | null;
  pendingUpdates: number;
  faults: TelegramFaults;
  people: Person[];
  timeZone: string;
  error?: string;
  form: { userId: string; firstName: string; username: string; text: string };
}

const time = (date: Date, zone: string) => date.toLocaleString('ru-RU', { timeZone: zone, dateStyle: 'short', timeStyle: 'medium' });

function faultList(faults: TelegramFaults): string {
  const parts: string[] = [];
  if (faults.down) parts.push('API недоступен');
  if (faults.slowMs) parts.push(`задержка ${faults.slowMs} мс`);
  if (faults.serverError) parts.push(`ошибка ${faults.serverError.status ?? 500} на ${faults.serverError.count} вызовов`);
  if (faults.rateLimit) parts.push(`лимит запросов (retry_after ${faults.rateLimit.retryAfter} с)`);
  return parts.length > 0 ? parts.join(', ') : 'нет';
}

function Keyboard({ markup }: { markup: InlineKeyboardMarkup }) {
  return (
    <div class="keyboard">
      {markup.inline_keyboard.map((row) => (
        <div class="kb-row">
          {row.map((button) =>
            typeof button.url === 'string' && /^https?:\/\//i.test(button.url) ? (
              <a href={button.url} rel="noopener noreferrer nofollow" target="_blank">
                {button.text}
              </a>
            ) : (
              <span>{button.text}</span>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

function Chat({ person, zone }: { person: Person; zone: string }) {
  const { user } = person;
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return (
    <section class="card" id={`chat-${user.id}`} aria-label={`Чат с ${name}`}>
      <div class="chat-head">
        <div>
          <h2>{name}</h2>
          <p class="muted">
            id {user.id}
            {user.username ? ` · @${user.username}` : ''}
            {person.blocked ? (
              <>
                {' · '}
                <span class="blocked">бот заблокирован</span>
              </>
            ) : null}
          </p>
        </div>
        <form method="post" action={`/people/${user.id}/${person.blocked ? 'unblock' : 'block'}`}>
          <button type="submit" class="secondary">
            {person.blocked ? 'Разблокировать бота' : 'Заблокировать бота'}
          </button>
        </form>
      </div>
      <ol class="messages">
        {person.history.map((entry) => (
          <li class={`msg ${entry.from}`} data-from={entry.from}>
            <MessageText text={entry.text} entities={entry.entities} />
            {entry.replyMarkup ? <Keyboard markup={entry.replyMarkup} /> : null}
            <time>
              {entry.from === 'bot' ? 'бот' : name}, {time(entry.date, zone)}
            </time>
          </li>
        ))}
      </ol>
      <form method="post" action="/write" class="inline">
        <input type="hidden" name="userId" value={String(user.id)} />
        <input type="hidden" name="firstName" value={user.first_name} />
        <input type="hidden" name="username" value={user.username ?? ''} />
        <div class="field">
          <label for={`text-${user.id}`}>Написать боту от имени {user.first_name}</label>
          <input id={`text-${user.id}`} name="text" required maxLength={4096} autocomplete="off" />
        </div>
        <button type="submit">Отправить</button>
      </form>
    </section>
  );
}

/** The one page for people: who wrote to the bot, what the bot answered, and a form to write "as the manager". */
export function SandboxPage(props: PageProps) {
  const { form } = props;
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Telegram (песочница)</title>
        <link rel="stylesheet" href="/sandbox.css" />
      </head>
      <body>
        <p class="banner" role="note">
          Это не настоящий Telegram: песочница Bot API для разработки, сообщения никому не уходят
        </p>
        <div class="wrap">
          <h1>Бот @{props.botUsername}</h1>
          {props.error ? (
            <p class="alert" role="alert">
              {props.error}
            </p>
          ) : null}
          <section class="card" aria-labelledby="write-title">
            <h2 id="write-title">Написать боту как сотрудник</h2>
            <p class="muted">
              Чтобы привязать Telegram сотрудника, введите одноразовый код из его профиля: боту уйдёт сообщение «/start КОД», как при
              переходе по ссылке t.me. Бот увидит его через getUpdates или вебхук.
            </p>
            <form method="post" action="/write">
              <div class="row">
                <div class="field">
                  <label for="userId">Telegram id</label>
                  <input id="userId" name="userId" inputMode="numeric" pattern="[0-9]{1,15}" required value={form.userId} />
                </div>
                <div class="field">
                  <label for="firstName">Имя</label>
                  <input id="firstName" name="firstName" required maxLength={64} value={form.firstName} />
                </div>
                <div class="field">
                  <label for="username">Имя пользователя (необязательно)</label>
                  <input id="username" name="username" maxLength={33} value={form.username} autocomplete="off" />
                </div>
              </div>
              <div class="field">
                <label for="text">Сообщение</label>
                <input id="text" name="text" required maxLength={4096} value={form.text} autocomplete="off" />
                <p class="hint">Например: /start A1B2C3</p>
              </div>
              <button type="submit">Отправить боту</button>
            </form>
          </section>
          {props.people.length === 0 ? (
            <p class="card muted">Боту ещё никто не писал.</p>
          ) : (
            props.people.map((person) => <Chat person={person} zone={props.timeZone} />)
          )}
          <section class="card" aria-labelledby="api-title">
            <h2 id="api-title">Подключение</h2>
            <dl class="facts">
              <dt>TELEGRAM_API_URL</dt>
              <dd>{props.apiUrl}</dd>
              <dt>Получение обновлений</dt>
              <dd>{props.webhookUrl ? `вебхук ${props.webhookUrl}` : 'getUpdates'}</dd>
              <dt>Ждут получения</dt>
              <dd>{props.pendingUpdates}</dd>
              <dt>Сбои</dt>
              <dd>{faultList(props.faults)}</dd>
            </dl>
            <p class="muted">
              <a href="/">Обновить страницу</a>
            </p>
          </section>
        </div>
      </body>
    </html>
  );
}
