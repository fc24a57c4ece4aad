import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createAtolCashRegister } from './atol/client.js';
import type { CashRegister } from './cash-register.js';
import { throttleReports } from './throttle.js';

// Which cash register takes the receipts (setting RECEIPTS): ATOL Online with the company's account,
// the offline register sandbox in development, or none.

/** An ATOL Online group: the real account's, the sandbox's, or a test's. */
export interface RegisterCredentials {
  apiUrl: string;
  login: string;
  password: string;
  groupCode: string;
}

/** Every call to the register gives up after this long: the job retries it with the same external id. */
const REGISTER_TIMEOUT_MS = 15_000;

/** The development sandbox's fixed group (sandbox/atol/server.ts uses the same), on its configured port. */
export function devRegisterCredentials(port: number): RegisterCredentials {
  return { apiUrl: `http://127.0.0.1:${port}/possystem/v5`, login: 'uslugi-dev', password: 'uslugi-dev-password', groupCode: 'uslugi-dev_1' };
}

/** The credentials RECEIPTS asks for: the ATOL account, the dev sandbox's, or none when off. */
export function registerCredentialsFrom(config: Config): RegisterCredentials | null {
  if (config.RECEIPTS === 'off') return null;
  if (config.RECEIPTS === 'sandbox') return devRegisterCredentials(config.ATOL_SANDBOX_PORT);
  return { apiUrl: config.ATOL_API_URL, login: config.ATOL_LOGIN!, password: config.ATOL_PASSWORD!, groupCode: config.ATOL_GROUP_CODE! };
}

export function createCashRegister(credentials: RegisterCredentials, options: { timeoutMs?: number; log: Logger }): CashRegister {
  const atol = createAtolCashRegister({ ...credentials, timeoutMs: options.timeoutMs ?? REGISTER_TIMEOUT_MS }, { log: options.log });
  return throttleReports(atol, 1000);
}
