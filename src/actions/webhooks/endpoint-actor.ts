import type { StaffMember } from '../../db/queries/staff.js';

/** Who manages an endpoint and from where (for the audit log). */
export interface WebhookActor {
  by: StaffMember;
  ip: string;
}

/** Whether the app runs in production: then endpoints must be https. */
export const productionUrls = (config: { NODE_ENV: string }) => ({ production: config.NODE_ENV === 'production' });
