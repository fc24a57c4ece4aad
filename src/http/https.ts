import { readFileSync } from 'node:fs';
import { createSecureContext, type SecureContextOptions } from 'node:tls';
import type { Config } from '../config.js';

// How the web app is reached: HTTPS served by the app itself (TLS_CERT_FILE/TLS_KEY_FILE), and which
// reverse proxy may speak for the client (TRUST_PROXY). Decision 013.

/**
 * TLS 1.2 and 1.3 only, forward-secret AEAD suites only (ECDHE with AES-GCM or ChaCha20-Poly1305):
 * Mozilla's "intermediate" profile, which every browser of the last several years speaks.
 */
export const TLS_PROFILE = {
  minVersion: 'TLSv1.2',
  maxVersion: 'TLSv1.3',
  ciphers: [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'ECDHE-ECDSA-AES128-GCM-SHA256',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'ECDHE-ECDSA-AES256-GCM-SHA384',
    'ECDHE-RSA-AES256-GCM-SHA384',
    'ECDHE-ECDSA-CHACHA20-POLY1305',
    'ECDHE-RSA-CHACHA20-POLY1305',
  ].join(':'),
  honorCipherOrder: true,
} as const satisfies SecureContextOptions;

export class TlsFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlsFilesError';
  }
}

/** The TLS options for Fastify's `https`, or null for plain HTTP. Throws TlsFilesError on unreadable or mismatched files. */
export function httpsOptions(config: Pick<Config, 'TLS_CERT_FILE' | 'TLS_KEY_FILE'>): (SecureContextOptions & typeof TLS_PROFILE) | null {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return null;
  const read = (name: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new TlsFilesError(`${name}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  };
  const options = { ...TLS_PROFILE, cert: read('TLS_CERT_FILE', config.TLS_CERT_FILE), key: read('TLS_KEY_FILE', config.TLS_KEY_FILE) };
  try {
    // Fails here, with a message, rather than deep inside the server on a wrong or mismatched pair.
    createSecureContext(options);
  } catch (error) {
    throw new TlsFilesError(`TLS_CERT_FILE/TLS_KEY_FILE: not a usable certificate and key pair (${(error as Error).message})`);
  }
  return options;
}

/** Whether the shop's public address is HTTPS: the switch for `__Host-` Secure cookies. */
export const publicUrlIsHttps = (config: Pick<Config, 'PUBLIC_URL'>) => config.PUBLIC_URL.startsWith('https:');
