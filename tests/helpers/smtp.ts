import { SMTPServer } from 'smtp-server';
import { parseMessage, type ParsedMessage } from './mime.js';

export interface ReceivedMail extends ParsedMessage {
  envelopeTo: string[];
  /** The message exactly as the server received it (DKIM is checked over these bytes). */
  raw: string;
}

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`: the same port after stop() and start(). */
  url: string;
  received: ReceivedMail[];
  /** When set, every recipient is refused with this reply (e.g. "550 5.1.1 Нет такого ящика"). */
  refuseRecipients: { code: number; message: string } | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A real SMTP server on loopback (no TLS, no auth) that keeps what it receives. */
export async function startTestSmtp(): Promise<TestSmtp> {
  let server: SMTPServer | null = null;
  let port = 0;
  const smtp: TestSmtp = {
    url: '',
    received: [],
    refuseRecipients: null,
    async start() {
      server = new SMTPServer({
        disabledCommands: ['STARTTLS', 'AUTH'],
        // stop() is a server going down: open (pooled) connections are cut, not waited for.
        closeTimeout: 50,
        logger: false,
        onRcptTo(address, _session, callback) {
          const refusal = smtp.refuseRecipients;
          if (!refusal) return callback();
          callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            smtp.received.push({ ...parseMessage(raw), raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          });
        },
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', () => resolve());
      });
      port = (listening.server.address() as { port: number }).port;
      smtp.url = `smtp://127.0.0.1:${port}`;
    },
    async stop() {
      const closing = server;
      server = null;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
  await smtp.start();
  return smtp;
}
