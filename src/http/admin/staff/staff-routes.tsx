import type { FastifyInstance, FastifyReply } from 'fastify';
import { inviteStaff } from '../../../actions/staff/invite-staff.js';
import { roleFrom } from '../../../actions/staff/staff-fields.js';
import { updateStaffMember, type StaffChange } from '../../../actions/staff/update-staff-member.js';
import type { FormErrors } from '../../views/form-kit.js';
import { sendErrorPage } from '../../views/error-page.js';
import { sendAdminPage } from '../views/admin-page.js';
import { listStaff } from '../../../db/queries/staff.js';
import { StaffPage } from './staff-page.js';

type Form = { Body: Record<string, unknown> | undefined };
type MemberForm = Form & { Params: { id: string } };

const notices: Record<string, string> = {
  invited: 'Приглашение отправлено.',
  role: 'Роль изменена.',
  disable: 'Сотрудник отключён, его сеансы завершены.',
  reset_access: 'Доступ сброшен, новое приглашение отправлено.',
};

/** Staff management (admins): the list, invitations, role changes, disabling, resetting access. */
export async function staffArea(app: FastifyInstance) {
  const { deps } = app;
  const config = { staff: 'staff.manage' as const };
  const uuid = /^[0-9a-f-]{36}$/;

  app.get('/admin/staff', { config }, async (request, reply) => {
    const done = (request.query as { done?: string }).done;
    return sendList(reply, { notice: done ? notices[done] : undefined, values: {}, errors: {} });
  });

  app.post<Form>('/admin/staff/invite', { config, preHandler: app.csrfProtection }, async (request, reply) => {
    const body = request.body ?? {};
    const result = await inviteStaff(deps, { by: request.staff!, body, ip: request.ip });
    if (result.kind === 'invited') return reply.redirect('/admin/staff?done=invited', 303);
    const values = { name: String(body.name ?? '').slice(0, 100), email: String(body.email ?? '').slice(0, 254), role: String(body.role ?? '') };
    return sendList(reply, { values, errors: result.errors }, 422);
  });

  const change = (path: string, read: (body: Record<string, unknown>) => StaffChange | undefined) =>
    app.post<MemberForm>(`/admin/staff/:id/${path}`, { config, preHandler: app.csrfProtection }, async (request, reply) => {
      const chosen = read(request.body ?? {});
      if (!uuid.test(request.params.id) || !chosen) return sendErrorPage(reply, 422, 'Проверьте данные формы.');
      const result = await updateStaffMember(deps, { by: request.staff!, staffId: request.params.id, change: chosen, ip: request.ip });
      if (result.kind === 'refused') return sendErrorPage(reply, 422, result.reason);
      return reply.redirect(`/admin/staff?done=${chosen.kind}`, 303);
    });
  change('role', (body) => {
    const role = roleFrom(body.role);
    return role && { kind: 'role', role };
  });
  change('disable', () => ({ kind: 'disable' }));
  change('reset-access', () => ({ kind: 'reset_access' }));

  async function sendList(reply: FastifyReply, props: { notice?: string; values: Record<string, string>; errors: FormErrors }, status = 200) {
    const members = await listStaff(deps.db);
    return sendAdminPage(reply, { title: 'Сотрудники', status }, <StaffPage csrfToken={reply.generateCsrf()} members={members} me={reply.request.staff!} {...props} />);
  }
}
