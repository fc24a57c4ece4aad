import type { EmailStatus } from '../../../db/queries/admin-emails.js';

// How the outbox names things for staff.

export const emailStatusNames: Record<EmailStatus, string> = { queued: 'В очереди', sent: 'Отправлено', failed: 'Не доставлено' };
const statusTones: Record<EmailStatus, string> = { queued: 'badge-warn', sent: 'badge-ok', failed: 'badge-danger' };

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  return <span class={`badge ${statusTones[status]}`}>{emailStatusNames[status]}</span>;
}

const kindNames: Record<string, string> = {
  order_confirmation: 'Подтверждение заказа',
  credentials: 'Логин и временный пароль',
  verify_email: 'Подтверждение адреса',
  service_added: 'Услуга добавлена в кабинет',
  access_active: 'Доступ открыт',
  password_reset: 'Восстановление пароля',
  email_change_confirm: 'Подтверждение нового адреса',
  email_change_notice: 'Уведомление о смене адреса',
  staff_invitation: 'Приглашение сотрудника',
  callback_escalation: 'Просроченный звонок',
  specification_agreed: 'Спецификация согласована',
  extra_hours_request: 'Согласование доп. часов',
  surcharge_invoice: 'Счёт на доплату',
  surcharge_paid: 'Доплата получена',
  payment_cancelled: 'Оплата отменена',
  refund_made: 'Возврат денег',
  results_ready: 'Результаты готовы',
  order_message: 'Сообщение по заказу',
  gateway_payment_id_conflict: 'Шлюз повторил номер платежа',
};

/** A template's name for people; a kind added later and not named here shows as it is. */
export const emailKindName = (kind: string): string => kindNames[kind] ?? kind;

/** An address that wraps before the @ rather than mid-word in narrow columns. */
export function Address({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  if (at <= 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}
