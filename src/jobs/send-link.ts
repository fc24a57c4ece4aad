import type { LinkRequest } from '../accounts/link-requests.js';
import { sendPasswordResetLink } from '../actions/request-password-reset.js';
import { sendVerificationLink } from '../actions/resend-verification.js';
import type { Deps } from '../deps.js';

/** Runs one queued "forgot password" or "send a new link" request (see accounts/link-requests.ts). */
export async function sendRequestedLink(deps: Pick<Deps, 'db' | 'queue' | 'clock' | 'config'>, request: LinkRequest): Promise<void> {
  if (request.purpose === 'reset_password') await sendPasswordResetLink(deps, request.name);
  else await sendVerificationLink(deps, request.name);
}
