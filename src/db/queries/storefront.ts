import { and, asc, eq } from 'drizzle-orm';
import type { ImageFormat } from '../../domain/catalog/service-image.js';
import type { Queryable } from '../client.js';
import { faqEntries, serviceImageFiles, serviceImages } from '../schema/index.js';

// The storefront's extras: the FAQ and the services' pictures (docs/storefront.md).

export type FaqEntry = typeof faqEntries.$inferSelect;
export type ServiceImage = typeof serviceImages.$inferSelect;

export async function listFaq(db: Queryable): Promise<FaqEntry[]> {
  return db.select().from(faqEntries).orderBy(asc(faqEntries.sortOrder), asc(faqEntries.question));
}

export async function findFaqEntry(db: Queryable, id: string): Promise<FaqEntry | undefined> {
  const [entry] = await db.select().from(faqEntries).where(eq(faqEntries.id, id));
  return entry;
}

/** Every service's picture, by service id. */
export async function serviceImagesById(db: Queryable): Promise<Map<string, ServiceImage>> {
  const rows = await db.select().from(serviceImages);
  return new Map(rows.map((row) => [row.serviceId, row]));
}

export async function serviceImageOf(db: Queryable, serviceId: string): Promise<ServiceImage | undefined> {
  const [image] = await db.select().from(serviceImages).where(eq(serviceImages.serviceId, serviceId));
  return image;
}

export async function imageFile(db: Queryable, file: { hash: string; width: number; format: ImageFormat }): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ bytes: serviceImageFiles.bytes })
    .from(serviceImageFiles)
    .where(and(eq(serviceImageFiles.hash, file.hash), eq(serviceImageFiles.width, file.width), eq(serviceImageFiles.format, file.format)));
  return row?.bytes;
}
