// The restore drill and `npm run restore` compare what a backup's manifest promised with what the
// restored database holds: table by table, the row count and a checksum of the rows.

export interface TableFigures {
  /** "schema.table". */
  table: string;
  rows: number;
  /** md5 over the sorted md5s of the rows' text; null when not measured. */
  checksum: string | null;
}

export interface TableComparison {
  table: string;
  expectedRows: number | null;
  actualRows: number | null;
  /** Checksums were measured on both sides and differ. */
  checksumDiffers: boolean;
  same: boolean;
}

/** One line per table that is in either list, in the manifest's order, then tables only the restore has. */
export function compareTables(expected: readonly TableFigures[], actual: readonly TableFigures[]): TableComparison[] {
  const restored = new Map(actual.map((figures) => [figures.table, figures]));
  const lines: TableComparison[] = expected.map((promised) => {
    const found = restored.get(promised.table);
    restored.delete(promised.table);
    const checksumDiffers = Boolean(found && promised.checksum && found.checksum && promised.checksum !== found.checksum);
    return {
      table: promised.table,
      expectedRows: promised.rows,
      actualRows: found?.rows ?? null,
      checksumDiffers,
      same: found !== undefined && found.rows === promised.rows && !checksumDiffers,
    };
  });
  for (const extra of restored.values()) {
    lines.push({ table: extra.table, expectedRows: null, actualRows: extra.rows, checksumDiffers: false, same: false });
  }
  return lines;
}

export const differences = (lines: readonly TableComparison[]) => lines.filter((line) => !line.same);
