import type { ServerOptions } from 'node:http';
import type { Config } from '../config.js';

type TimeoutSettings = Pick<Config, 'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'>;

/**
 * How long a client may take, for every listener of ours (the app, HTTPS or not, and the plain-HTTP
 * redirect port). Node's and Fastify's defaults let a client that trickles its body hold a connection
 * for as long as it likes; these close it with a 408.
 */
export function serverTimeouts(config: TimeoutSettings): ServerOptions {
  return {
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    // Node looks for expired requests on this interval (30 s by default, which would let a slow client
    // stay up to twice the timeout); a look over the open connections every second costs nothing.
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(config.HTTP_HEADERS_TIMEOUT_MS / 4))),
  };
}

/**
 * A socket with no traffic either way (a client that stopped reading our answer) is closed after two
 * minutes, or after the longer of the timeouts above if one is longer: never before they run out.
 */
export function socketIdleTimeout(config: TimeoutSettings): number {
  return Math.max(120_000, config.HTTP_REQUEST_TIMEOUT_MS, config.HTTP_KEEP_ALIVE_TIMEOUT_MS) + 1000;
}
