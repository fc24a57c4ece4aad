// The extra-hours surcharge (docs/back-office.md#surcharges-for-extra-hours): hours worked beyond those a
// service includes, at its hourly rate.

export interface SurchargeInput {
  /** Everything logged on the order so far. */
  workedMinutes: number;
  includedHours: number;
  hourlyRateKopecks: number;
  /** Extra time already covered by earlier open or paid invoices of the order. */
  invoicedMinutes?: number;
}

export interface SurchargeProposal {
  /** Minutes beyond the included hours not yet invoiced; 0 when the order is not over. */
  extraMinutes: number;
  /** Extra hours × hourly rate, in whole kopecks rounded half up; 0 when the order is not over. */
  amountKopecks: number;
}

export function proposeSurcharge({ workedMinutes, includedHours, hourlyRateKopecks, invoicedMinutes = 0 }: SurchargeInput): SurchargeProposal {
  const extraMinutes = Math.max(0, workedMinutes - includedHours * 60 - invoicedMinutes);
  // Integers only: minutes × rate / 60, rounded half up (all values are non-negative).
  const amountKopecks = Math.floor((extraMinutes * hourlyRateKopecks + 30) / 60);
  return { extraMinutes, amountKopecks };
}

/** 135 → «2 ч 15 мин», 120 → «2 ч», 45 → «45 мин». */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}\u00a0мин`;
  return rest === 0 ? `${hours}\u00a0ч` : `${hours}\u00a0ч ${rest}\u00a0мин`;
}

export type SurchargeRefusal = 'not_hourly' | 'not_at_work_stage' | 'open_invoice' | 'not_over' | 'awaiting_client' | 'not_agreed';

/** Why an order cannot get a surcharge invoice now, or null when it can. */
export function surchargeRefusal(basis: {
  billing: 'fixed' | 'hourly';
  orderState: string;
  hasOpenInvoice: boolean;
  extraMinutes: number;
  /** Why there is nothing agreed to invoice while hours beyond the agreement were worked (extra-hours.ts). */
  unagreed?: 'awaiting_client' | 'not_agreed';
}): SurchargeRefusal | null {
  if (basis.billing !== 'hourly') return 'not_hourly';
  if (!['in_work', 'work_done', 'completed'].includes(basis.orderState)) return 'not_at_work_stage';
  if (basis.hasOpenInvoice) return 'open_invoice';
  if (basis.extraMinutes <= 0) return basis.unagreed ?? 'not_over';
  return null;
}

export const surchargeRefusalText: Record<SurchargeRefusal, string> = {
  not_hourly: 'Услуга заказа оплачивается фиксированной суммой: счёт на доплату за часы к ней не выставляется.',
  not_at_work_stage: 'Счёт на доплату выставляется, когда заказ в работе или выполнен.',
  open_invoice: 'У заказа уже есть неоплаченный счёт на доплату. Отмените его, чтобы выставить новый.',
  not_over: 'Отработанное время не превышает часов, входящих в услугу (с учётом выставленных счетов): доплачивать не за что.',
  awaiting_client: 'Часы сверх согласованных ждут согласия клиента в личном кабинете: счёт можно выставить, когда клиент их одобрит.',
  not_agreed: 'Часы сверх согласованных клиент не одобрял: сначала запросите его согласие на карточке заказа («Дополнительные часы»).',
};
