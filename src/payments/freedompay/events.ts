// The small vocabulary the rest of the app speaks (docs/architecture.md). Nothing named pg_* leaves this folder.

export type GatewayEventKind = 'paid' | 'failed' | 'pending' | 'refunded' | 'cancelled';

export interface GatewayEvent {
  kind: GatewayEventKind;
  /** Our reference sent as the gateway's order id: the payment attempt's id. */
  attemptId: string;
  gatewayPaymentId: string;
  /** Amount and currency as the gateway reports them (null when missing or malformed). */
  amountKopecks: number | null;
  currency: string | null;
  /** Funds taken (one-step, or two-step cleared). */
  captured: boolean;
  /** Whether answering "rejected" makes the gateway reverse the payment. */
  canReject: boolean;
  card: { brand: string; last4: string } | null;
  failure: { code: string | null; description: string | null } | null;
}

export interface GatewayRefund {
  gatewayRefundId: string;
  amountKopecks: number; // positive
  succeeded: boolean;
}

/** What get_status3 says about a payment: the event plus its refunds and clearing. */
export interface GatewayPaymentStatus extends GatewayEvent {
  clearedKopecks: number;
  refunds: GatewayRefund[];
}
