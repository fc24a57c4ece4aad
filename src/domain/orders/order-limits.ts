/** Anti-spam: at most this many orders from one IP address within the window. */
export const ORDERS_PER_IP = { max: 5, windowMs: 10 * 60 * 1000 } as const;

/**
 * How long the visitor must wait, given the creation times of their recent orders (any order),
 * or 0 when another order is allowed now.
 */
export function orderRetryAfterMs(recentOrders: readonly Date[], now: Date): number {
  const windowStart = now.getTime() - ORDERS_PER_IP.windowMs;
  const inWindow = recentOrders
    .map((d) => d.getTime())
    .filter((t) => t > windowStart)
    .sort((a, b) => b - a);
  if (inWindow.length < ORDERS_PER_IP.max) return 0;
  // The oldest order that still counts must leave the window before a new one fits.
  const blocking = inWindow[ORDERS_PER_IP.max - 1]!;
  return blocking + ORDERS_PER_IP.windowMs - now.getTime();
}
