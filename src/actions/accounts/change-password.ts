import { eq } from 'drizzle-orm';
import { newPasswordErrors, type NewPasswordErrors } from '../../accounts/new-password.js';
import { hashPassword, verifyPassword } from '../../accounts/secrets.js';
import type { Deps } from '../../app-deps.js';
import { deleteClientSessions } from '../../db/queries/client-sessions.js';
import type { Client } from '../../db/queries/clients.js';
import { clients } from '../../db/schema/index.js';

export type ChangePasswordErrors = NewPasswordErrors & { current_password?: string };
export type ChangePasswordResult = { kind: 'changed' } | { kind: 'invalid'; errors: ChangePasswordErrors };

/**
 * A signed-in client sets a new password; every other session of theirs ends. Right after signing in
 * with the temporary password the current password is not asked again; setting one ends the
 * temporary password.
 */
export async function changePassword(
  deps: Pick<Deps, 'db'>,
  input: { client: Client; sessionHash: string; body: Record<string, unknown> },
): Promise<ChangePasswordResult> {
  const { client, body } = input;
  const forced = client.temporaryPasswordUntil !== null;
  if (!forced) {
    const current = typeof body.current_password === 'string' ? body.current_password : '';
    if (!(await verifyPassword(client.passwordHash, current))) {
      return { kind: 'invalid', errors: { current_password: 'Текущий пароль введён неверно.' } };
    }
  }
  const errors = newPasswordErrors(body, client);
  if (errors) return { kind: 'invalid', errors };
  const passwordHash = await hashPassword(body.password as string);
  await deps.db.transaction(async (tx) => {
    await tx.update(clients).set({ passwordHash, temporaryPasswordUntil: null }).where(eq(clients.id, client.id));
    await deleteClientSessions(tx, client.id, input.sessionHash);
  });
  return { kind: 'changed' };
}
