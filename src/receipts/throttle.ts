import type { CashRegister } from './cash-register.js';

/**
 * A register that reads reports no more often than once per `intervalMs` in this process: ATOL allows
 * one report request a second per register, and several receipts polled at once must not break that.
 */
export function throttleReports(register: CashRegister, intervalMs: number, sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))): CashRegister {
  let nextSlot = 0;
  return {
    register: (document, externalId, options) => register.register(document, externalId, options),
    async report(uuid) {
      const now = Date.now();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalMs;
      if (slot > now) await sleep(slot - now);
      return register.report(uuid);
    },
  };
}
