/**
 * Offline ATOL Online v5 (ФФД 1.2) cloud cash register for tests and local development. It shares
 * no code with our receipts client on purpose: its own schema, sums and answers, written from the
 * protocol reference, so a client bug cannot hide in both.
 */
export { ATOL_CALLBACK_URL_MASK, createAtolSandbox } from './sandbox.js';
export type {
  AtolCallbackOptions,
  AtolError,
  AtolFaults,
  AtolGroup,
  AtolOperation,
  AtolPayload,
  AtolReceiptView,
  AtolSandbox,
  AtolSandboxOptions,
  AtolStatus,
  CallbackDelivery,
  DuplicateMode,
  ErrorType,
} from './types.js';
