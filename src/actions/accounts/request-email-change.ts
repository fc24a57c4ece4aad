import { accountLinks } from '../../accounts/links.js';
import { verifyPassword } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { LIFETIMES } from '../../domain/accounts/credential-lifetimes.js';
import { contactFieldRules } from '../../domain/orders/order-form.js';
import { issueToken } from '../../db/queries/client-tokens.js';
import { findClientByEmail, type Client } from '../../db/queries/clients.js';
import { queueEmail } from '../../email/queue-email.js';
import { emailChangeConfirmEmail, emailChangeNoticeEmail } from '../../email/templates/email-change.js';

export type EmailChangeErrors = Partial<Record<'email' | 'current_password', string>>;
export type RequestEmailChangeResult = { kind: 'sent'; newEmail: string } | { kind: 'invalid'; errors: EmailChangeErrors };

/**
 * A new address takes effect only once confirmed from that mailbox; the old address hears about it
 * at once, so a stolen session cannot quietly move the account. An address that belongs to another
 * account gets the same answer and no email (nothing tells who our clients are).
 */
export async function requestEmailChange(
  deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>,
  client: Client,
  body: Record<string, unknown>,
): Promise<RequestEmailChangeResult> {
  if (!(await verifyPassword(client.passwordHash, typeof body.current_password === 'string' ? body.current_password : ''))) {
    return { kind: 'invalid', errors: { current_password: 'Пароль введён неверно.' } };
  }
  const parsed = contactFieldRules.email.safeParse(typeof body.email === 'string' ? body.email : '');
  if (!parsed.success) return { kind: 'invalid', errors: { email: parsed.error.issues[0]!.message } };
  const newEmail = parsed.data;
  if (newEmail === client.email.toLowerCase()) return { kind: 'invalid', errors: { email: 'Это ваш текущий адрес.' } };

  await deps.db.transaction(async (tx) => {
    if (await findClientByEmail(tx, newEmail)) return;
    const now = deps.clock.now();
    const company = deps.content.current();
    const { token, expiresAt } = await issueToken(tx, { clientId: client.id, purpose: 'change_email', now, lifetimeMs: LIFETIMES.changeEmail, newEmail });
    const confirmUrl = accountLinks(deps.config.PUBLIC_URL).confirmNewEmail(token);
    const confirm = emailChangeConfirmEmail({ customerName: client.name, newEmail, confirmUrl, validUntil: expiresAt }, company);
    await queueEmail(deps, tx, { kind: 'email_change_confirm', to: newEmail, clientId: client.id, content: confirm, secret: true });
    const notice = emailChangeNoticeEmail({ customerName: client.name, newEmail }, company);
    await queueEmail(deps, tx, { kind: 'email_change_notice', to: client.email, clientId: client.id, content: notice });
  });
  return { kind: 'sent', newEmail };
}
