import type { Deps } from '../../app-deps.js';
import { findClientOrder } from '../../db/queries/clients.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orderMessages } from '../../db/schema/index.js';
import { checkDeliveryFile, type UploadedFile } from '../../domain/orders/delivery-file.js';
import { checkMessage, deliveryRefusal, excerpt, type MessageField } from '../../domain/orders/delivery-forms.js';
import { raiseStaffEvents } from '../notifications/raise-staff-events.js';
import { maxFileBytes, storeOrderFile } from './store-order-file.js';

export type PostClientMessageResult =
  | { kind: 'sent'; messageId: string }
  | { kind: 'not_found' }
  | { kind: 'refused'; reason: string }
  | { kind: 'invalid'; errors: Partial<Record<MessageField, string>> };

/**
 * The client writes in their order's conversation (plain text, maybe one file). Staff hear of it once
 * through the alert outbox (`order.message`, keyed by the message: the assigned manager, else the
 * managers), raised in the same transaction as the message.
 */
export async function postClientMessage(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'queue' | 'calendar'>,
  input: { clientId: string; orderRef: string; body: Record<string, unknown>; file: UploadedFile | null },
): Promise<PostClientMessageResult> {
  const checked = checkMessage(typeof input.body.body === 'string' ? input.body.body : '');
  const file = input.file ? checkDeliveryFile(input.file, maxFileBytes(deps.config)) : null;
  if (!checked.ok || (file && !file.ok)) {
    const errors = checked.ok ? {} : checked.errors;
    return { kind: 'invalid', errors: file && !file.ok ? { ...errors, file: file.error } : errors };
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Only the client's own order: another client's reference is "not found", like one that does not exist.
    const owned = await findClientOrder(tx, input.clientId, input.orderRef);
    const order = owned && (await lockOrder(tx, owned.id));
    if (!order) return { kind: 'not_found' };
    const refusal = deliveryRefusal(order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const fileId = file?.ok ? await storeOrderFile(tx, { orderId: order.id, file: file.file, bytes: input.file!.bytes, by: { side: 'client' }, now }) : null;
    const [message] = await tx
      .insert(orderMessages)
      .values({ orderId: order.id, author: 'client', clientId: input.clientId, body: checked.body, fileId, createdAt: now })
      .returning({ id: orderMessages.id });
    await raiseStaffEvents(deps, tx, [{ kind: 'order.message', orderId: order.id, messageId: message!.id, message: excerpt(checked.body) }]);
    return { kind: 'sent', messageId: message!.id };
  });
}
