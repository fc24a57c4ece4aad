import { eq } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { contactFieldRules } from '../../domain/orders/order-form.js';
import type { Client } from '../../db/queries/clients.js';
import { clients } from '../../db/schema/index.js';

export type ProfileErrors = Partial<Record<'name' | 'phone', string>>;
export type UpdateProfileResult = { kind: 'saved' } | { kind: 'invalid'; errors: ProfileErrors };

/** Name and phone, by the same rules as the order form. */
export async function updateProfile(deps: Pick<Deps, 'db'>, client: Client, body: Record<string, unknown>): Promise<UpdateProfileResult> {
  const name = contactFieldRules.name.safeParse(typeof body.name === 'string' ? body.name : '');
  const phone = contactFieldRules.phone.safeParse(typeof body.phone === 'string' ? body.phone : '');
  if (!name.success || !phone.success) {
    return { kind: 'invalid', errors: { name: name.error?.issues[0]?.message, phone: phone.error?.issues[0]?.message } };
  }
  await deps.db.update(clients).set({ name: name.data, phone: phone.data }).where(eq(clients.id, client.id));
  return { kind: 'saved' };
}
