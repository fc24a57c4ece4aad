import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

/** One stored email, ready to go out. */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface Mailer {
  /** `dev-mailbox`: nothing leaves the machine; the emails are read at /dev/mailbox. */
  readonly kind: 'smtp' | 'dev-mailbox';
  /** Resolves once the server accepted the message; rejects with its reply otherwise. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

type MailSettings = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'MAIL_REPLY_TO' | 'COMPANY_EMAIL' | 'DKIM_DOMAIN' | 'DKIM_SELECTOR' | 'DKIM_PRIVATE_KEY_FILE'>;

/**
 * Every email says "just reply": replies go to the company's current address (saved in the back office,
 * docs/content.md) unless MAIL_REPLY_TO says otherwise.
 */
export const replyToOf = (config: Pick<Config, 'MAIL_REPLY_TO'>, companyEmail: string): string => config.MAIL_REPLY_TO ?? companyEmail;

/** nodemailer's DKIM signing (relaxed/relaxed, rsa-sha256), when the three DKIM settings are given. */
function dkimOf(config: MailSettings) {
  if (!config.DKIM_DOMAIN || !config.DKIM_SELECTOR || !config.DKIM_PRIVATE_KEY_FILE) return {};
  return { dkim: { domainName: config.DKIM_DOMAIN, keySelector: config.DKIM_SELECTOR, privateKey: readFileSync(config.DKIM_PRIVATE_KEY_FILE, 'utf8') } };
}

/** `companyEmail` reads the company's current address when each email goes out. */
export function createMailer(config: MailSettings, companyEmail: () => string = () => config.COMPANY_EMAIL): Mailer {
  const domain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'localhost';
  // Derived from our id, so a message sent twice (a crash between sending and recording) is recognisable.
  const messageIdOf = (email: OutgoingEmail) => `<${email.id}@${domain}>`;
  if (!config.SMTP_URL) {
    return { kind: 'dev-mailbox', send: async (email) => ({ messageId: messageIdOf(email) }), close() {} };
  }
  const transport = nodemailer.createTransport(
    {
      url: config.SMTP_URL,
      // Reuses connections: a new SMTP session per email costs a handshake and the server's greeting delay.
      pool: true,
      maxConnections: 10,
      // Fail fast rather than hold a job for nodemailer's default minutes; pg-boss retries later.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      // The content is ours, but nothing in a stored email may make the worker read files or URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
      ...dkimOf(config),
    },
    { from: config.MAIL_FROM },
  );
  return {
    kind: 'smtp',
    async send(email) {
      const info = await transport.sendMail({
        to: email.to,
        replyTo: replyToOf(config, companyEmail()),
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: messageIdOf(email),
        // RFC 3834: a notification, so auto-responders stay quiet.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** What the SMTP server answered (e.g. "550 5.1.1 User unknown"), or why no answer came. */
export function smtpReply(error: unknown): string {
  const { response, message } = error as { response?: unknown; message?: unknown };
  if (typeof response === 'string' && response) return response;
  return typeof message === 'string' && message ? message : String(error);
}
