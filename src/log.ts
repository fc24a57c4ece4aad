import { pino, type DestinationStream, type Logger } from 'pino';

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

export function createLogger(level: string, pretty: boolean, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact,
    serializers,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname', singleLine: true } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
