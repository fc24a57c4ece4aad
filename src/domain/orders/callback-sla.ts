import { slaStatus } from './callback-queue.js';

// How well the callback deadline (docs/back-office.md#callback-deadline) was kept over a period, judged order
// by order as the queue judges it (slaStatus): met when the first contact came at or before the deadline;
// missed when it came later, or has not come and the deadline has passed; an order still within its deadline
// (or without one) is not judged yet.

export interface CallbackRecord {
  callbackDueAt: Date | null;
  firstContactAt: Date | null;
}

export interface SlaShare {
  met: number;
  /** Orders judged (met + missed). */
  judged: number;
  /** Percent of judged orders that were met, or null when none was judged. */
  percent: number | null;
}

export function slaShare(orders: readonly CallbackRecord[], now: Date): SlaShare {
  let met = 0;
  let judged = 0;
  for (const order of orders) {
    const status = slaStatus(order, now);
    if (status === 'running' || status === 'none') continue;
    judged += 1;
    if (status === 'met') met += 1;
  }
  return { met, judged, percent: judged === 0 ? null : (met / judged) * 100 };
}

const percentFormat = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('ru-RU');

/** «7 из 8 (87,5 %)»; the percent is rounded down to a tenth, so 99,96 % never shows as 100 %. */
export function slaShareInWords(share: SlaShare): string {
  if (share.percent === null) return 'пока нечего оценивать: ни у одного заказа срок ещё не наступил';
  const percent = Math.floor(share.percent * 10) / 10;
  const count = (n: number) => countFormat.format(n).replace(/\s/g, '\u00a0');
  return `${count(share.met)} из ${count(share.judged)} (${percentFormat.format(percent)}\u00a0%)`;
}
