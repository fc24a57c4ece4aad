import { describe, expect, it } from 'vitest';
import { compareTables, differences } from './backup-compare.js';

const orders = { table: 'public.orders', rows: 3, checksum: 'aaa' };
const emails = { table: 'public.emails', rows: 9, checksum: 'bbb' };

describe('comparing a manifest with a restored database', () => {
  it('finds no difference when every table has the promised rows and checksum', () => {
    const lines = compareTables([orders, emails], [emails, orders]);
    expect(lines.map((l) => l.table)).toEqual(['public.orders', 'public.emails']);
    expect(differences(lines)).toEqual([]);
  });

  it('reports a different row count, a different checksum, a missing and an extra table', () => {
    const lines = compareTables(
      [orders, emails, { table: 'public.staff', rows: 1, checksum: 'ccc' }],
      [{ ...orders, rows: 2 }, { ...emails, checksum: 'zzz' }, { table: 'public.extra', rows: 0, checksum: 'ddd' }],
    );
    expect(differences(lines)).toEqual([
      { table: 'public.orders', expectedRows: 3, actualRows: 2, checksumDiffers: false, same: false },
      { table: 'public.emails', expectedRows: 9, actualRows: 9, checksumDiffers: true, same: false },
      { table: 'public.staff', expectedRows: 1, actualRows: null, checksumDiffers: false, same: false },
      { table: 'public.extra', expectedRows: null, actualRows: 0, checksumDiffers: false, same: false },
    ]);
  });

  it('compares counts only when a side has no checksum', () => {
    expect(differences(compareTables([{ ...orders, checksum: null }], [{ ...orders, checksum: 'other' }]))).toEqual([]);
  });
});
