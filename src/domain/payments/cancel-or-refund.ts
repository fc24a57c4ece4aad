import { DateTime } from 'luxon';

// Cancel or refund (docs/back-office.md#cancel-or-refund): a cancellation voids the payment before the bank's
// day close (23:59 Moscow time of the payment's day) while the gateway still allows it; afterwards the money
// goes back as a refund.

const ZONE = 'Europe/Moscow';

export interface CancelOrRefundInput {
  paidAt: Date;
  now: Date;
  /** The gateway's status says the payment can still be voided (authorised, not cleared). */
  gatewayCancellable: boolean;
  /**
   * The money is only held on the card (a two-step payment not yet cleared). Nothing was debited,
   * so there is nothing to refund: releasing the hold is a cancellation whatever the day.
   */
  held?: boolean;
}

export interface CancelOrRefundDecision {
  kind: 'cancel' | 'refund';
  /** Why, in Russian, for the staff member about to press the button. */
  why: string;
}

/** 23:59:00 Moscow time of the day the payment was made: the bank's day close for it. */
export function dayCloseOf(paidAt: Date): Date {
  return DateTime.fromJSDate(paidAt, { zone: ZONE }).set({ hour: 23, minute: 59, second: 0, millisecond: 0 }).toJSDate();
}

const months = ['', 'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** «5 марта 2026» of a moment, in Moscow. */
function moscowDay(date: Date): string {
  const day = DateTime.fromJSDate(date, { zone: ZONE });
  return `${day.day} ${months[day.month]} ${day.year}`;
}

export function cancelOrRefund({ paidAt, now, gatewayCancellable, held = false }: CancelOrRefundInput): CancelOrRefundDecision {
  const paidDay = moscowDay(paidAt);
  if (held && gatewayCancellable) {
    return {
      kind: 'cancel',
      why: 'Деньги на карте клиента только заблокированы (двухстадийный платёж) и ещё не списаны: блокировку снимает отмена, в любой день. Отменяется вся сумма.',
    };
  }
  const beforeDayClose = now.getTime() < dayCloseOf(paidAt).getTime();
  if (beforeDayClose && gatewayCancellable) {
    return {
      kind: 'cancel',
      why: `Платёж сделан ${paidDay}, банковский день ещё не закрыт (закрывается в 23:59 по Москве), и платёжный шлюз сообщает, что платёж можно отменить. Отмена аннулирует всю сумму: частичной отмены не бывает.`,
    };
  }
  if (!beforeDayClose) {
    return {
      kind: 'refund',
      why: `Банковский день платежа (${paidDay}) закрыт в 23:59 по Москве: отменить платёж уже нельзя, деньги возвращаются возвратом — целиком или частично.`,
    };
  }
  return {
    kind: 'refund',
    why: 'Платёжный шлюз сообщает, что платёж уже нельзя отменить (деньги списаны): деньги возвращаются возвратом — целиком или частично.',
  };
}

/**
 * Whether a refund comes with the bank's «Заявка на отмену операции»: made after the payment's day
 * close and not refused by the gateway.
 */
export function needsCancellationRequest(paidAt: Date, operation: { kind: string; state: string; createdAt: Date }): boolean {
  return operation.kind === 'refund' && operation.state !== 'failed' && operation.createdAt.getTime() >= dayCloseOf(paidAt).getTime();
}
