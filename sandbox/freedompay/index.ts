/**
 * Offline Freedom Pay gateway for tests and local development (docs/payments.md#the-sandbox-gateway). It shares
 * no code with src/payments on purpose: its own signature, parsing and rules, so a client bug cannot hide in
 * both.
 */
export { createSandbox } from './sandbox.js';
export { TEST_CARDS } from './cards.js';
export type {
  CardInput,
  DeliveryRecord,
  PayResult,
  Sandbox,
  SandboxFaults,
  SandboxMerchant,
  SandboxOptions,
  SandboxPaymentStatus,
  SandboxPaymentView,
} from './types.js';
