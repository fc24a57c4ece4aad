import type { StaffMember } from '../../db/queries/staff.js';

// What the order card's actions share: who acts and from where, and the outcomes a page turns into a
// redirect, an error next to a field, or a refusal. The order itself is locked with db/queries/order-lock.ts.

export interface StaffActor {
  member: StaffMember;
  ip: string;
}

export type WorkResult<Done = object, Field extends string = never> =
  | ({ kind: 'done' } & Done)
  | { kind: 'not_found' }
  /** Not allowed in the order's state (or by the order's owner): the reason, in Russian. */
  | { kind: 'refused'; reason: string }
  | { kind: 'invalid'; errors: Partial<Record<Field, string>> };
