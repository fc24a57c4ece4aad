/** How much of a payment can still be refunded: paid minus every refund not known to have failed. */
export function refundableKopecks(
  paidKopecks: number,
  refunds: readonly { amountKopecks: number; state: 'pending' | 'succeeded' | 'failed' | 'unknown' }[],
): number {
  const committed = refunds.filter((r) => r.state !== 'failed').reduce((sum, r) => sum + r.amountKopecks, 0);
  return Math.max(0, paidKopecks - committed);
}

export function fullyRefunded(paidKopecks: number, refunds: readonly { amountKopecks: number; state: string }[]): boolean {
  return refunds.filter((r) => r.state === 'succeeded').reduce((sum, r) => sum + r.amountKopecks, 0) >= paidKopecks;
}
