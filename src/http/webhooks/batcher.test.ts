import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

describe('createBatcher', () => {
  it('starts a lone item at once and batches what arrives while a batch runs', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const submit = createBatcher<number, number>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((n) => n * 10);
      },
      { maxBatch: 3, concurrency: 1 },
    );
    const first = submit(1);
    const rest = [2, 3, 4, 5].map(submit);
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const submit = createBatcher<number, number>(
      async (items) => {
        if (items.includes(13)) throw new Error('unlucky');
        return items;
      },
      { maxBatch: 10, concurrency: 1 },
    );
    const block = submit(0); // occupies the slot so the next three share a batch
    const results = await Promise.allSettled([block, submit(12), submit(13), submit(14)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
