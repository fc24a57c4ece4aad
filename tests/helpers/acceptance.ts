import { eq } from 'drizzle-orm';
import { answerWorkHandover, type AnswerHandoverResult } from '../../src/actions/orders/answer-work-handover.js';
import { handOverWork } from '../../src/actions/orders/hand-over-work.js';
import type { StaffMember } from '../../src/db/queries/staff.js';
import { orders } from '../../src/db/schema/index.js';
import type { TestApp } from './test-app.js';

/**
 * Completes an order in work the way the product does (docs/back-office.md#acceptance-of-work): staff
 * hand the work over, then the order's client accepts it in the account. Throws when the hand-over is
 * refused; returns the client's answer.
 */
export async function completeThroughAcceptance(t: TestApp, member: StaffMember, orderId: string, ip = '203.0.113.10'): Promise<AnswerHandoverResult> {
  const handedOver = await handOverWork(t.deps, { member, ip: '198.51.100.10', orderId });
  if (handedOver.kind !== 'done') throw new Error(`work not handed over: ${JSON.stringify(handedOver)}`);
  const [order] = await t.deps.db.select({ clientId: orders.clientId, publicRef: orders.publicRef }).from(orders).where(eq(orders.id, orderId));
  if (!order?.clientId) throw new Error(`order ${orderId} has no client account to accept the work`);
  return answerWorkHandover(t.deps, { clientId: order.clientId, orderRef: order.publicRef, body: { answer: 'accept' }, ip });
}
