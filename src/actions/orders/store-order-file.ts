import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { orderFiles } from '../../db/schema/index.js';
import type { CheckedFile } from '../../domain/orders/delivery-file.js';

// What results and messages share: one checked file written to order_files (decision 036).

export interface FileToStore {
  orderId: string;
  file: CheckedFile;
  bytes: Uint8Array;
  by: { side: 'client' } | { side: 'staff'; staffId: string };
  now: Date;
}

/** Stores the file's bytes in the caller's transaction; returns its new random id. */
export async function storeOrderFile(tx: Tx, input: FileToStore): Promise<string> {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  const [row] = await tx
    .insert(orderFiles)
    .values({
      orderId: input.orderId,
      fileName: input.file.fileName,
      contentType: input.file.contentType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      uploadedBy: input.by.side,
      staffId: input.by.side === 'staff' ? input.by.staffId : null,
      createdAt: input.now,
    })
    .returning({ id: orderFiles.id });
  return row!.id;
}

/** The upload limit in bytes, from RESULT_FILE_MAX_MB. */
export const maxFileBytes = (config: { RESULT_FILE_MAX_MB: number }) => config.RESULT_FILE_MAX_MB * 1024 * 1024;
