import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { emailWordings } from '../../db/schema/index.js';
import { checkWording, type ClientEmailType, type WordingErrors } from '../../domain/content/email-wording.js';

export type SaveWordingResult = { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'invalid'; errors: WordingErrors };

/** An admin words an email type's greeting, sign-off and own paragraph. Emails queued from then on use it. Audited. */
export async function saveEmailWording(
  deps: Pick<Deps, 'db' | 'clock' | 'content'>,
  input: { staffId: string; ip: string; type: ClientEmailType; greeting: string; signOff: string; paragraph: string },
): Promise<SaveWordingResult> {
  const checked = checkWording(input);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const before = deps.content.current().emails[input.type];
  const after = checked.wording;
  if (before.greeting === after.greeting && before.signOff === after.signOff && before.paragraph === after.paragraph) return { kind: 'unchanged' };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.insert(emailWordings).values({ type: input.type, ...after, savedBy: input.staffId, savedAt: now });
    await audit(tx, { staffId: input.staffId, action: 'content.email_wording_saved', entity: 'email_type', entityId: input.type, details: { before, after }, ip: input.ip, at: now });
  });
  await deps.content.reload();
  return { kind: 'saved' };
}
