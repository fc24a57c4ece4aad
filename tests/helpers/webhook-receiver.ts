import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A CRM's webhook receiver on loopback, written from docs/integrations.md and nothing else: its
// signature check does not use our signer, so one misreading of the format cannot hide in both.

/** The documented replay window: a receiver refuses a signature timestamp older than this. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  json: { id: string; type: string; version: number; created_at: string; data: Record<string, unknown> & { order?: { ref: string } } };
  /** The signature timestamp (unix seconds) and the check's verdict with the secret this path has. */
  timestamp: number | null;
  verdict: 'valid' | 'bad_signature' | 'stale' | 'no_signature';
  receivedAt: number;
}

export interface WebhookReceiver {
  url(path: string): string;
  received: ReceivedWebhook[];
  /** The secret each path's endpoint was given (the back office showed it once). */
  secrets: Map<string, string>;
  /** The statuses a path answers with, in turn; once used up it answers 200. */
  answers: Map<string, number[]>;
  stop(): Promise<void>;
}

/** Verifies `X-Uslugi-Signature: t=<unix>,v1=<hex>` as a receiver following the documentation would. */
export function verifySignature(header: string | undefined, rawBody: string, secret: string, nowSeconds: number): { timestamp: number | null; verdict: ReceivedWebhook['verdict'] } {
  if (!header) return { timestamp: null, verdict: 'no_signature' };
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return { timestamp: null, verdict: 'bad_signature' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { timestamp, verdict: 'bad_signature' };
  if (Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return { timestamp, verdict: 'stale' };
  return { timestamp, verdict: 'valid' };
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const secrets = new Map<string, string>();
  const answers = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers['x-uslugi-signature'];
      const check = verifySignature(typeof signature === 'string' ? signature : undefined, rawBody, secrets.get(path) ?? '', Math.floor(Date.now() / 1000));
      received.push({ path, headers: request.headers, rawBody, json: JSON.parse(rawBody), ...check, receivedAt: Date.now() });
      const status = check.verdict === 'valid' ? (answers.get(path)?.shift() ?? 200) : 401;
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(status < 300 ? 'принято' : `ошибка ${status} ${'x'.repeat(3000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    secrets,
    answers,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
