import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Clients that never finish: a body trickled a byte at a time, headers that never end, a kept-alive
// connection left idle. Each must lose its connection once the configured time is up (small values
// here), not hold it for as long as it likes. Raw sockets on loopback, against the real listener.

const timeouts = { HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_HEADERS_TIMEOUT_MS: '800', HTTP_KEEP_ALIVE_TIMEOUT_MS: '600' };
/** Node looks for expired requests every 200 ms with these (a quarter of the headers timeout), plus scheduling. */
const SLACK_MS = 700;

interface Conversation {
  /** Milliseconds from the first byte sent until the server closed the connection. */
  closedAfterMs: number;
  received: string;
}

/**
 * Sends `first`, then one piece of `drip` every `everyMs` (a string repeats for ever, a list runs out),
 * until the server closes the socket; gives up after `capMs`.
 */
function converse(port: number, first: string, drip: { text: string | string[]; everyMs: number } | null, capMs = 6000): Promise<Conversation> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let started = 0;
    let ticker: NodeJS.Timeout | undefined;
    const cap = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${capMs} ms; received: ${received.slice(0, 200)}`));
    }, capMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => {}); // a reset is a close too
    socket.on('close', () => {
      clearInterval(ticker);
      clearTimeout(cap);
      resolve({ closedAfterMs: Date.now() - started, received });
    });
    socket.on('connect', () => {
      started = Date.now();
      socket.write(first);
      const pieces = drip && (typeof drip.text === 'string' ? null : [...drip.text]);
      if (drip) {
        ticker = setInterval(() => {
          const piece = pieces ? pieces.shift() : (drip.text as string);
          if (piece !== undefined && socket.writable) socket.write(piece);
        }, drip.everyMs);
      }
    });
  });
}

describe('slow clients', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('pglite', { captcha: false, env: timeouts });
    port = Number(new URL(t.baseUrl).port);
  });
  afterAll(() => t.close());

  it('answers 408 and closes a connection whose body trickles in past HTTP_REQUEST_TIMEOUT_MS', async () => {
    const head = `POST /services/site-support/order HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\n`;
    const talk = await converse(port, head, { text: 'a', everyMs: 100 });
    expect(talk.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(talk.closedAfterMs).toBeGreaterThanOrEqual(1400);
    expect(talk.closedAfterMs).toBeLessThan(1500 + SLACK_MS);
  });

  it('answers 408 and closes a connection whose headers never end, after HTTP_HEADERS_TIMEOUT_MS', async () => {
    const talk = await converse(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', { text: 'X-Slow: 1\r\n', everyMs: 100 });
    expect(talk.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(talk.closedAfterMs).toBeGreaterThanOrEqual(700);
    expect(talk.closedAfterMs).toBeLessThan(800 + SLACK_MS);
  });

  it('closes an idle kept-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const talk = await converse(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n', null);
    expect(talk.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(talk.received).toMatch(/keep-alive: timeout=\d+/i);
    expect(talk.closedAfterMs).toBeLessThan(600 + SLACK_MS + 1000); // Node keeps the socket up to a second longer than it says
  });

  it('still serves a client that is slow but finishes in time', async () => {
    const body = 'name=Ivan';
    const head = `POST /services/site-support/order HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const talk = await converse(port, head, { text: [...body], everyMs: 100 }); // done in about 0.9 s
    // The form's own answer (no CSRF token: 403), not the timeout's.
    expect(talk.received).toMatch(/^HTTP\/1\.1 403 /);
  });
});
