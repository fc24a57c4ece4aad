// Gateway messages as ordered trees of fields. Order matters: the signature flattens children in
// document order (docs/freedompay-protocol.md#flattening), and JavaScript objects reorder integer-like keys.

export type FieldValue = string | Fields;
export type Fields = [name: string, value: FieldValue][];

/** A flat message (most requests and callbacks) from a plain record, dropping undefined values. */
export function fieldsOf(record: Record<string, string | undefined>): Fields {
  return Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** The top-level string value of a field, if present. */
export function valueOf(fields: Fields, name: string): string | undefined {
  const found = fields.find(([key]) => key === name);
  return found && typeof found[1] === 'string' ? found[1] : undefined;
}

/** The children of a nested field (e.g. pg_refund_payments), or an empty list. */
export function childrenOf(fields: Fields, name: string): Fields {
  const found = fields.find(([key]) => key === name);
  return found && typeof found[1] !== 'string' ? found[1] : [];
}

/**
 * Parses form or query pairs in arrival order; bracket names (`a[0][b]`) become nested fields, as the
 * gateway flattens them (docs/freedompay-protocol.md#requests).
 */
export function fieldsFromPairs(pairs: Iterable<[string, string]>): Fields {
  const root: Fields = [];
  for (const [name, value] of pairs) {
    const path = name.match(/^[^[\]]+|\[[^[\]]*\]/g)?.map((part) => part.replace(/^\[|\]$/g, '')) ?? [name];
    insert(root, path, value);
  }
  return root;
}

function insert(target: Fields, path: string[], value: string): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    target.push([head, value]);
    return;
  }
  let child = target.find(([key, v]) => key === head && typeof v !== 'string');
  if (!child) {
    child = [head, []];
    target.push(child);
  }
  insert(child[1] as Fields, rest, value);
}
