import type { FastifyInstance, FastifyReply } from 'fastify';
import { issueTelegramCode } from '../../../actions/notifications/issue-telegram-code.js';
import { saveNotificationPreferences } from '../../../actions/notifications/save-preferences.js';
import { unlinkTelegram } from '../../../actions/notifications/unlink-telegram.js';
import { listNotifications, notificationProfile, notificationStatuses, NOTIFICATIONS_PAGE_SIZE } from '../../../db/queries/notifications.js';
import { sendAdminPage } from '../views/admin-page.js';
import { pageParam } from '../views/pager.js';
import { NotificationsPage } from './notifications-page.js';
import { ProfilePage, type ProfilePageProps } from './profile-page.js';

const notices: Record<string, string> = {
  saved: 'Настройки уведомлений сохранены.',
  unlinked: 'Telegram отвязан: уведомления приходят письмом.',
};

/** The member's own profile (Telegram link, alert preferences) and the list of every staff alert. */
export async function notificationsArea(app: FastifyInstance) {
  const { deps } = app;
  const own = { staff: 'profile.edit' as const };

  app.get<{ Querystring: { done?: unknown } }>('/admin/profile', { config: own }, async (request, reply) =>
    sendProfile(reply, { notice: typeof request.query.done === 'string' ? notices[request.query.done] : undefined }),
  );

  // The code is shown in the answer to the POST, never put into a URL (it would stay in the history).
  app.post('/admin/profile/telegram/code', { config: own, preHandler: app.csrfProtection }, async (request, reply) => {
    if (!deps.telegram) return reply.redirect('/admin/profile', 303);
    const issued = await issueTelegramCode(deps, request.staff!.id);
    return sendProfile(reply, { code: { ...issued, startLink: await deps.telegram.startLink(issued.code) } });
  });

  app.post('/admin/profile/telegram/unlink', { config: own, preHandler: app.csrfProtection }, async (request, reply) => {
    await unlinkTelegram(deps, { staffId: request.staff!.id, ip: request.ip });
    return reply.redirect('/admin/profile?done=unlinked', 303);
  });

  app.post<{ Body: Record<string, unknown> | undefined }>('/admin/profile/notifications', { config: own, preHandler: app.csrfProtection }, async (request, reply) => {
    await saveNotificationPreferences(deps, { staffId: request.staff!.id, body: request.body ?? {}, ip: request.ip });
    return reply.redirect('/admin/profile?done=saved', 303);
  });

  app.get<{ Querystring: { status?: unknown; page?: unknown } }>('/admin/notifications', { config: { staff: 'notifications.view' } }, async (request, reply) => {
    const status = notificationStatuses.find((known) => known === request.query.status);
    const page = pageParam(request.query.page);
    const { rows, total } = await listNotifications(deps.db, { status }, page);
    return sendAdminPage(reply, { title: 'Уведомления' }, <NotificationsPage status={status} rows={rows} total={total} page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} />);
  });

  async function sendProfile(reply: FastifyReply, extra: Pick<ProfilePageProps, 'code' | 'notice'>) {
    const me = reply.request.staff!;
    const { preferences, link } = await notificationProfile(deps.db, me);
    return sendAdminPage(
      reply,
      { title: 'Профиль' },
      <ProfilePage me={me} preferences={preferences} link={link} telegramOn={deps.telegram !== null} csrfToken={reply.generateCsrf()} {...extra} />,
    );
  }
}
