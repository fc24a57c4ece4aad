import type { Deps } from '../../app-deps.js';
import { audit } from '../../db/queries/audit.js';
import { lockOrder } from '../../db/queries/order-lock.js';
import { orderResults } from '../../db/schema/index.js';
import { checkDeliveryFile, type UploadedFile } from '../../domain/orders/delivery-file.js';
import { checkResult, deliveryRefusal, type ResultField } from '../../domain/orders/delivery-forms.js';
import { maxFileBytes, storeOrderFile } from './store-order-file.js';
import type { StaffActor, WorkResult } from './work-result.js';

/**
 * Staff attach a result to the order: a file, an https link, a short text, or these together. It is a
 * draft the client does not see until «Сообщить клиенту» (publish-order-results.ts), so three files
 * added in a row make one email, not three.
 */
export async function addOrderResult(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: StaffActor & { orderId: string; body: Record<string, unknown>; file: UploadedFile | null },
): Promise<WorkResult<{ resultId: string }, ResultField>> {
  const text = (name: string) => (typeof input.body[name] === 'string' ? (input.body[name] as string) : '');
  const checked = checkResult({ url: text('url'), note: text('note'), hasFile: input.file !== null });
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
    const [result] = await tx
      .insert(orderResults)
      .values({ orderId: order.id, fileId, fileName: file?.ok ? file.file.fileName : null, url: checked.url, note: checked.note, addedBy: input.member.id, addedAt: now })
      .returning({ id: orderResults.id });
    await audit(tx, {
      staffId: input.member.id,
      action: 'order.result_added',
      entity: 'order',
      entityId: order.id,
      details: { resultId: result!.id, fileName: file?.ok ? file.file.fileName : null, sizeBytes: input.file?.bytes.length ?? null, url: checked.url, note: checked.note !== null },
      ip: input.ip,
      at: now,
    });
    return { kind: 'done', resultId: result!.id };
  });
}
