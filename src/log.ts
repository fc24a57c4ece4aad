import { pino, type Logger } from 'pino';

export type { Logger };

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

export function createLogger(level: string, pretty: boolean): Logger {
  return pino({
    level,
    redact,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true } } } : {}),
  });
}
