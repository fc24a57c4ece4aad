import type { ClientSession } from '../../db/queries/client-sessions.js';
import { moscowDateTime } from '../../email/templates/format.js';
import { PostForm } from '../views/form-kit.js';
import { AccountNav } from './account-nav.js';

export function SessionsPage({ sessions, currentHash, csrfToken }: { sessions: ClientSession[]; currentHash: string; csrfToken: string }) {
  return (
    <section>
      <h1>Активные сеансы</h1>
      <AccountNav current="/account/sessions" csrfToken={csrfToken} />
      <div class="panel">
        <ul class="sessions">
          {sessions.map((session) => (
            <li>
              <strong>{session.idHash === currentHash ? 'Этот браузер' : 'Другой вход'}</strong>: вход {moscowDateTime(session.createdAt)}, последняя активность{' '}
              {moscowDateTime(session.lastSeenAt)} (мск), IP {session.ip}
              <br />
              <span class="hint">{session.userAgent || 'браузер не указан'}</span>
            </li>
          ))}
        </ul>
        <p>Сеанс завершается сам через 30 минут без действий и через 12 часов после входа.</p>
        <PostForm action="/account/logout-everywhere" csrfToken={csrfToken}>
          <button type="submit" class="button">
            Выйти на всех устройствах
          </button>
        </PostForm>
      </div>
    </section>
  );
}
