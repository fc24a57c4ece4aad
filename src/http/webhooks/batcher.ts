/**
 * Hands work over in batches: an item starts at once when a slot is free, so a lone callback waits
 * for nothing, while items that arrive as earlier batches run queue up and share the next one. One
 * transaction per batch instead of per item is what keeps a burst of callbacks fast (bench/callbacks.ts).
 * A failed batch is retried item by item, so one bad item fails only itself.
 */
export function createBatcher<T, R>(
  run: (items: T[]) => Promise<R[]>,
  options: { maxBatch: number; concurrency: number },
): (item: T) => Promise<R> {
  const waiting: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let running = 0;

  const settle = async (batch: typeof waiting) => {
    try {
      const results = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await settle([w]);
    }
  };

  const pump = () => {
    while (running < options.concurrency && waiting.length > 0) {
      running++;
      void settle(waiting.splice(0, options.maxBatch)).finally(() => {
        running--;
        pump();
      });
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}
