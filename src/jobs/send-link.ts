import type { LinkRequest } from '../actions/accounts/link-requests.js';
import { sendPasswordResetLink } from '../actions/accounts/request-password-reset.js';
import { sendVerificationLink } from '../actions/accounts/resend-verification.js';
import type { Deps } from '../app-deps.js';

/** Runs one queued "forgot password" or "send a new link" request (see actions/accounts/link-requests.ts). */
export async function sendRequestedLink(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config' | 'content'>, { data: request }: { data: LinkRequest }): Promise<void> {
  if (request.purpose === 'reset_password') await sendPasswordResetLink(deps, request.name);
  else await sendVerificationLink(deps, request.name);
}
