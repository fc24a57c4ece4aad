import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** `json`: one JSON object a line, for journald and log collectors. `pretty`: short lines a person reads. */
export type LogFormat = 'json' | 'pretty';

// Personal data and secrets never reach the log: these paths are censored wherever they appear.
const redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.phone',
  '*.name',
  '*.token',
  '*._csrf',
  '*.altcha',
];

/**
 * Requests are logged without their query string: gateway callbacks sent by GET carry the payer's
 * email, phone and masked card number there, and order pages carry the gateway's return fields.
 */
const serializers = {
  req: (request: { method?: string; url?: string; ip?: string }) => ({
    method: request.method,
    url: request.url?.split('?')[0],
    ip: request.ip,
  }),
};

export function createLogger(level: string, format: LogFormat, destination?: DestinationStream): Logger {
  const options = { level, redact, serializers };
  if (format === 'pretty') return pino(options, humanReadable(destination ?? process.stdout));
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Turns each JSON line into one short line: time, level when it is not info, the message and its
 * fields. Written in-process (no transport thread), after redaction, so it censors exactly what JSON does.
 */
function humanReadable(out: { write(text: string): unknown }): DestinationStream {
  const started = new Map<string, string>(); // request id → "GET /path", until the request completes
  return {
    write(line: string) {
      const text = humanLine(line, started);
      if (text !== null) out.write(text);
    },
  };
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

/** One log record as a line a person reads; null for records not worth a line (a request's start). */
export function humanLine(json: string, started = new Map<string, string>()): string | null {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const reqId = String(record.reqId);
  const req = record.req as { method?: string; url?: string } | undefined;
  if (record.msg === 'incoming request' && req) {
    if (started.size > 10_000) started.clear(); // requests that never completed (aborted) must not pile up
    started.set(reqId, `${req.method} ${req.url}`); // one line when it completes says it all
    return null;
  }
  const time = new Date(Number(record.time)).toTimeString().slice(0, 8);
  const level = LEVELS[Number(record.level)];
  const res = record.res as { statusCode?: number } | undefined;
  let what = String(record.msg ?? '');
  if (record.msg === 'request completed' && res) {
    what = `${started.get(reqId) ?? 'request'} → ${res.statusCode} (${Math.round(Number(record.responseTime))} ms)`;
    started.delete(reqId);
  }
  const parts = [time, level, what];
  const fields = Object.entries(record).filter(([key]) => !HIDDEN.has(key));
  if (fields.length > 0) parts.push(fields.map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' '));
  const err = record.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n${String(err.stack ?? err.message).replace(/^/gm, '    ')}` : '';
  return `${parts.filter(Boolean).join('  ')}${stack}\n`;
}
