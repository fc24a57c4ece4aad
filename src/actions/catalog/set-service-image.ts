import { and, eq, notExists } from 'drizzle-orm';
import type { Deps } from '../../app-deps.js';
import { checkImageUpload, TOO_SMALL, UNREADABLE, type ImageUpload, type ImageUploadErrors } from '../../domain/catalog/service-image.js';
import type { Queryable } from '../../db/client.js';
import { findServiceById } from '../../db/queries/admin-catalog.js';
import { audit } from '../../db/queries/audit.js';
import { serviceImageOf } from '../../db/queries/storefront.js';
import { serviceImageFiles, serviceImages } from '../../db/schema/index.js';
import { resizeServiceImage } from '../../images/resize-service-image.js';

export type SetServiceImageResult = { kind: 'uploaded' | 'alt_saved' } | { kind: 'invalid'; errors: ImageUploadErrors } | { kind: 'not_found' };

/**
 * A service's picture: a new file (checked, resized to the storefront's widths in WebP and JPEG, kept
 * in the database under its content hash, decision 035) with its alt text, or a new alt text alone.
 * Resizing happens before the transaction: a slow decode holds no lock.
 */
export async function setServiceImage(
  deps: Pick<Deps, 'db' | 'clock' | 'catalog'>,
  input: { staffId: string; ip: string; serviceId: string; upload: ImageUpload },
): Promise<SetServiceImageResult> {
  const service = await findServiceById(deps.db, input.serviceId);
  if (!service) return { kind: 'not_found' };
  const current = await serviceImageOf(deps.db, service.id);
  const checked = checkImageUpload(input.upload, current !== undefined);
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  const now = deps.clock.now();
  const at = { staffId: input.staffId, entity: 'service', entityId: service.id, ip: input.ip, at: now };

  if (input.upload.bytes.length === 0) {
    await deps.db.transaction(async (tx) => {
      await tx.update(serviceImages).set({ alt: checked.alt }).where(eq(serviceImages.serviceId, service.id));
      await audit(tx, { ...at, action: 'catalog.image_alt_changed', details: { before: current?.alt, after: checked.alt } });
    });
    deps.catalog.invalidate();
    return { kind: 'alt_saved' };
  }

  const resized = await resizeServiceImage(input.upload.bytes);
  if (resized.kind !== 'resized') return { kind: 'invalid', errors: { file: resized.kind === 'too_small' ? TOO_SMALL : UNREADABLE } };
  const { image } = resized;
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(serviceImageFiles)
      .values(image.files.map((file) => ({ hash: image.hash, ...file })))
      .onConflictDoNothing();
    const row = { hash: image.hash, alt: checked.alt, widths: image.widths, width: image.width, height: image.height, uploadedBy: input.staffId, uploadedAt: now };
    await tx
      .insert(serviceImages)
      .values({ serviceId: service.id, ...row })
      .onConflictDoUpdate({ target: serviceImages.serviceId, set: row });
    if (current && current.hash !== image.hash) await dropUnusedFiles(tx, current.hash);
    await audit(tx, { ...at, action: 'catalog.image_uploaded', details: { hash: image.hash, widths: image.widths, bytes: input.upload.bytes.length, alt: checked.alt } });
  });
  deps.catalog.invalidate();
  return { kind: 'uploaded' };
}

/** Deletes a picture's files once no service shows it any more (two services may share one). */
export async function dropUnusedFiles(tx: Queryable, hash: string): Promise<void> {
  await tx
    .delete(serviceImageFiles)
    .where(
      and(
        eq(serviceImageFiles.hash, hash),
        notExists(tx.select({ one: serviceImages.serviceId }).from(serviceImages).where(eq(serviceImages.hash, hash))),
      ),
    );
}
