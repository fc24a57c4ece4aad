import type { ReceivedMail, TestSmtp } from '../../tests/helpers/smtp.js';

/**
 * The clients' mailboxes: what the loopback SMTP server received, by recipient, with a way to wait
 * for a message. One poll loop reads the server's list and wakes whoever waits for an address.
 */
export const SUBJECTS = {
  orderConfirmation: /^Заказ У-\d+ оплачен: /,
  credentials: /^Доступ в личный кабинет$/,
  verifyEmail: /^Подтвердите адрес электронной почты$/,
  accessActive: /^Доступ в личный кабинет открыт$/,
  serviceAdded: /^Услуга добавлена в личный кабинет: /,
} as const;
export type MailKind = keyof typeof SUBJECTS;

export class Mailboxes {
  private readonly byAddress = new Map<string, ReceivedMail[]>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private seen = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly smtp: TestSmtp) {
    this.timer = setInterval(() => this.sweep(), 50);
  }

  /** Resolves with `count` messages of this kind for the address once they are all there. */
  async waitFor(address: string, kind: MailKind, count: number, timeoutMs: number): Promise<ReceivedMail[]> {
    const key = address.toLowerCase();
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.of(key, kind);
      if (found.length >= count) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no ${kind} email for ${address} within ${Math.round(timeoutMs / 1000)} s (${found.length} of ${count})`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.get(key)?.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        const set = this.waiters.get(key) ?? new Set();
        set.add(wake);
        this.waiters.set(key, set);
      });
    }
  }

  of(address: string, kind: MailKind): ReceivedMail[] {
    this.sweep();
    return (this.byAddress.get(address.toLowerCase()) ?? []).filter((mail) => SUBJECTS[kind].test(mail.subject));
  }

  /** Every message received, per recipient. */
  all(): ReadonlyMap<string, ReceivedMail[]> {
    this.sweep();
    return this.byAddress;
  }

  close(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    const received = this.smtp.received;
    for (; this.seen < received.length; this.seen++) {
      const mail = received[this.seen]!;
      for (const to of mail.envelopeTo) {
        const key = to.toLowerCase();
        const list = this.byAddress.get(key) ?? [];
        list.push(mail);
        this.byAddress.set(key, list);
        for (const wake of [...(this.waiters.get(key) ?? [])]) wake();
      }
    }
  }
}

export function credentialsIn(mail: ReceivedMail): { login: string; password: string } {
  const login = /Логин: (\S+)/.exec(mail.text)?.[1];
  const password = /Временный пароль: (\S+)/.exec(mail.text)?.[1];
  if (!login || !password) throw new Error('no login or temporary password in the credentials email');
  return { login, password };
}

export function verifyTokenIn(mail: ReceivedMail): string {
  const token = /\/account\/verify-email#token=([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error('no /account/verify-email link in the verification email');
  return token;
}
