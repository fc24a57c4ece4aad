import { orderNumber } from '../../domain/orders/order-number.js';
import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { findClient } from '../../db/queries/clients.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orderMessages } from '../../db/schema/index.js';
import { checkDeliveryFile, type UploadedFile } from '../../domain/orders/delivery-file.js';
import { checkMessage, deliveryRefusal, type MessageField } from '../../domain/orders/delivery-forms.js';
import { queueEmail } from '../../email/queue-email.js';
import { orderMessageEmail } from '../../email/templates/order-message.js';
import { maxFileBytes, storeOrderFile } from './store-order-file.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * Staff write to the client in the order's conversation. The client gets one email per message, queued
 * in the same transaction: it says a message came and links to the order in the account, where the
 * answer is written (the email carries no text of it and is not to be replied to).
 */
export async function postStaffMessage(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'queue' | 'content'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown>; file: UploadedFile | null },
): Promise<WorkResult<{ messageId: string }, MessageField>> {
  const checked = checkMessage(typeof input.body.body === 'string' ? input.body.body : '');
  const file = input.file ? checkDeliveryFile(input.file, maxFileBytes(deps.config)) : null;
  if (!checked.ok || (file && !file.ok)) {
    const errors = checked.ok ? {} : checked.errors;
    return { kind: 'invalid', errors: file && !file.ok ? { ...errors, file: file.error } : errors };
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { kind: 'not_found' };
    const refusal = deliveryRefusal(order.state);
    if (refusal) return { kind: 'refused', reason: refusal };
    const fileId = file?.ok ? await storeOrderFile(tx, { orderId: order.id, file: file.file, bytes: input.file!.bytes, by: { side: 'staff', staffId: input.member.id }, now }) : null;
    const [message] = await tx
      .insert(orderMessages)
      .values({ orderId: order.id, author: 'staff', staffId: input.member.id, body: checked.body, fileId, createdAt: now })
      .returning({ id: orderMessages.id });

    const client = order.clientId ? await findClient(tx, order.clientId) : undefined;
    const content = orderMessageEmail(
      { customerName: client?.name ?? order.customerName, serviceTitle: order.serviceTitle, orderNumber: orderNumber(order.number), orderUrl: `${deps.config.PUBLIC_URL}/account/orders/${order.publicRef}#messages` },
      deps.content.current(),
    );
    await queueEmail(deps, tx, { kind: 'order_message', to: client?.email ?? order.customerEmail, orderId: order.id, clientId: client?.id ?? null, content });
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.message_sent',
      entity: 'order',
      entityId: order.id,
      details: { messageId: message!.id, length: checked.body.length, fileName: file?.ok ? file.file.fileName : null },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', messageId: message!.id };
  });
}
