import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Client } from '../../../db/queries/clients.js';

/** +79123456789 → «+7 912 345 67 89»; anything unparseable as stored. */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export function AccountStateBadge({ state }: { state: Client['state'] }) {
  return state === 'active' ? <span class="badge badge-ok">Активен</span> : <span class="badge badge-warn">Почта не подтверждена</span>;
}
