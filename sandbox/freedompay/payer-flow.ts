import { type CardErrors, type CardFields, cardBehaviour, cardBrand, checkCard, maskPan } from './cards.js';
import { deliverResult, runCheck } from './callbacks.js';
import { type SandboxContext, faultsFor } from './context.js';
import { FAILURE } from './errors.js';
import { authorise, decline, settle } from './lifecycle.js';
import type { Payment, StoredCard } from './store.js';

/**
 * The payer's side of a payment: card, optional 3-D Secure code, then check callback,
 * authorisation, result callback. The hosted page and Sandbox.pay() both call these two functions,
 * so a test that uses pay() exercises exactly what a browser would.
 */
export type PayerStep =
  | { kind: 'invalid'; errors: CardErrors }
  | { kind: 'needs_otp' }
  | { kind: 'done' }
  | { kind: 'unavailable'; reason: 'expired' | 'finished' | 'busy' };

/** The OTP that passes the sandbox's 3-D Secure step. */
export const VALID_OTP = '111111';

/** Card awaiting its 3-D Secure code; kept in memory only between the two steps. */
const pendingCards = new WeakMap<Payment, StoredCard>();

function unavailable(ctx: SandboxContext, payment: Payment): PayerStep | undefined {
  settle(payment, ctx.clock.now());
  if (payment.status === 'incomplete') return { kind: 'unavailable', reason: 'expired' };
  if (payment.stage === 'processing') return { kind: 'unavailable', reason: 'busy' };
  if (payment.status !== 'new' && payment.status !== 'pending') return { kind: 'unavailable', reason: 'finished' };
  return undefined;
}

/** The payer opened the page: the payment is now being paid ("process" in get_status3). */
export function openPage(ctx: SandboxContext, payment: Payment): void {
  settle(payment, ctx.clock.now());
  if (payment.status === 'new') payment.status = 'pending';
}

export async function submitCard(ctx: SandboxContext, payment: Payment, input: CardFields): Promise<PayerStep> {
  const blocked = unavailable(ctx, payment);
  if (blocked) return blocked;
  const { card, errors } = checkCard(input, ctx.clock.now());
  if (!card) return { kind: 'invalid', errors };
  payment.status = 'pending';
  const stored: StoredCard = {
    panMasked: maskPan(card.pan),
    brand: cardBrand(card.pan),
    expiry: card.expiry,
    holder: card.holder,
    behaviour: cardBehaviour(card.pan),
  };
  if (stored.behaviour.threeDs || payment.force3ds) {
    pendingCards.set(payment, stored);
    payment.stage = 'otp';
    return { kind: 'needs_otp' };
  }
  return complete(ctx, payment, stored, true);
}

export async function submitOtp(ctx: SandboxContext, payment: Payment, otp: string): Promise<PayerStep> {
  const blocked = unavailable(ctx, payment);
  if (blocked) return blocked;
  const stored = pendingCards.get(payment);
  if (payment.stage !== 'otp' || !stored) return { kind: 'invalid', errors: { pan: 'Сначала введите данные карты' } };
  pendingCards.delete(payment);
  return complete(ctx, payment, stored, otp.trim() === VALID_OTP);
}

/** Whether the payment waits for the 3-D Secure code of this card (Sandbox.pay() may then go straight to the code). */
export function awaitingOtpFor(payment: Payment, pan: string): boolean {
  const stored = payment.stage === 'otp' ? pendingCards.get(payment) : undefined;
  return stored !== undefined && stored.panMasked === maskPan(pan.replace(/[\s-]/g, ''));
}

/** The masked PAN of the card waiting for its 3-D Secure code, for the OTP page. */
export function pendingPanMasked(payment: Payment): string | undefined {
  return payment.stage === 'otp' ? pendingCards.get(payment)?.panMasked : undefined;
}

async function complete(ctx: SandboxContext, payment: Payment, card: StoredCard, authenticated: boolean): Promise<PayerStep> {
  payment.stage = 'processing';
  try {
    if (!authenticated) {
      decline(payment, card, FAILURE.threeDsFailed, ctx.clock.now());
    } else if (!(await runCheck(ctx, payment))) {
      decline(payment, card, FAILURE.checkRefused, ctx.clock.now());
    } else if (faultsFor(ctx, payment).decline || !card.behaviour.auth) {
      decline(payment, card, FAILURE.issuerDecline, ctx.clock.now());
    } else {
      authorise(payment, card, ctx.clock.now());
    }
    await deliverResult(ctx, payment);
  } finally {
    payment.stage = 'done';
  }
  return { kind: 'done' };
}

