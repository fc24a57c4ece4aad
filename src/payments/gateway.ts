import type { Config } from '../config.js';
import { createFreedomPayClient, type FreedomPayClient, type FreedomPaySettings } from './freedompay/client.js';

/** Freedom Pay as the rest of the app sees it: a client plus the URLs the gateway calls back. */
export interface Gateway {
  client: FreedomPayClient;
  settings: FreedomPaySettings;
  resultUrl: string;
  checkUrl: string;
  /** Where the payer's browser comes back to, on success and on failure. */
  returnUrl(orderRef: string): string;
  /** Origins the browser may be redirected to after posting our forms (CSP form-action). */
  formActionOrigins: string[];
}

export interface GatewayCredentials {
  merchantId: string;
  secretKey: string;
  apiUrl: string;
  /** The built-in sandbox marks its payments as test payments. */
  testingMode?: boolean;
}

export function credentialsFrom(config: Config): GatewayCredentials | null {
  const { FREEDOMPAY_MERCHANT_ID: merchantId, FREEDOMPAY_SECRET_KEY: secretKey, FREEDOMPAY_API_URL: apiUrl } = config;
  return merchantId && secretKey && apiUrl ? { merchantId, secretKey, apiUrl } : null;
}

export function createGateway(config: Config, credentials: GatewayCredentials, fetchImpl?: typeof fetch): Gateway {
  const settings: FreedomPaySettings = {
    ...credentials,
    testingMode: credentials.testingMode ?? config.FREEDOMPAY_TESTING_MODE,
    lifetimeSeconds: config.FREEDOMPAY_LIFETIME,
    autoClearing: config.FREEDOMPAY_AUTO_CLEARING,
    language: config.FREEDOMPAY_LANGUAGE,
    timeoutMs: config.FREEDOMPAY_TIMEOUT_MS,
  };
  const api = new URL(credentials.apiUrl);
  // The hosted page lives on the API host or on its customer.* sibling (docs/freedompay-protocol.md#hosts).
  const pageHost = api.hostname.startsWith('api.') ? `${api.protocol}//customer.${api.hostname.slice(4)}` : null;
  return {
    client: createFreedomPayClient(settings, fetchImpl),
    settings,
    resultUrl: `${config.PUBLIC_URL}/payments/freedompay/result`,
    checkUrl: `${config.PUBLIC_URL}/payments/freedompay/check`,
    returnUrl: (orderRef) => `${config.PUBLIC_URL}/orders/${orderRef}`,
    formActionOrigins: [api.origin, ...(pageHost ? [pageHost] : [])],
  };
}
