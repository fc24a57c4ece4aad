/**
 * The gateway's messages are ordered lists of named values that may nest (bracket form keys such as
 * `pg_receipt_positions[0][name]`, or child elements in XML). Order matters: the signature numbers every field
 * by its position (docs/freedompay-protocol.md#flattening), and plain JS objects would reorder integer-like
 * keys. So the sandbox keeps messages as arrays of pairs from the wire to the signature and back.
 */
export type FieldValue = string | Fields;
export type Field = readonly [name: string, value: FieldValue];
export type Fields = readonly Field[];

/** A mutable node used while building a tree from bracket keys. */
type Node = [string, string | Node[]];

/** Splits `a[0][b]` into `['a', '0', 'b']`; `a[]` gives an empty segment (append). */
function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const re = /\[([^\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(rest)) !== null) {
    parts.push(match[1] ?? '');
    consumed = re.lastIndex;
  }
  // Malformed brackets (`a[b`, `a]b[`): keep the key as one literal name, as PHP roughly does.
  return consumed === rest.length ? parts : [key];
}

/**
 * Builds the ordered tree from decoded form pairs, PHP-style: bracket keys nest, the first appearance
 * fixes a name's position, a repeated scalar key keeps the last value, `[]` appends the next index.
 */
export function fieldsFromPairs(pairs: Iterable<readonly [string, string]>): Fields {
  const root: Node[] = [];
  for (const [key, value] of pairs) {
    const path = splitKey(key);
    let level = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const name = segment === '' ? String(level.length) : segment;
      let node = segment === '' ? undefined : level.find(([n]) => n === name);
      if (last) {
        if (node) node[1] = value;
        else level.push([name, value]);
        return;
      }
      if (!node || typeof node[1] === 'string') {
        if (node) node[1] = [];
        else {
          node = [name, []];
          level.push(node);
        }
      }
      level = node[1] as Node[];
    });
  }
  return root;
}

/** Decodes a query string or an `application/x-www-form-urlencoded` body. */
export function fieldsFromQuery(query: string): Fields {
  return fieldsFromPairs(new URLSearchParams(query));
}

/** The inverse of fieldsFromPairs: bracket keys in tree order, ready for URLSearchParams. */
export function toPairs(fields: Fields, prefix?: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of fields) {
    const key = prefix === undefined ? name : `${prefix}[${name}]`;
    if (typeof value === 'string') out.push([key, value]);
    else out.push(...toPairs(value, key));
  }
  return out;
}

export function toQuery(fields: Fields): string {
  return new URLSearchParams(toPairs(fields)).toString();
}

/** The first top-level value called `name` if it is a plain string. */
export function getString(fields: Fields, name: string): string | undefined {
  const found = fields.find(([n]) => n === name);
  return found && typeof found[1] === 'string' ? found[1] : undefined;
}

export function has(fields: Fields, name: string): boolean {
  return fields.some(([n]) => n === name);
}

export function without(fields: Fields, ...names: string[]): Fields {
  return fields.filter(([n]) => !names.includes(n));
}

/** Drops fields whose value is undefined, so builders can write optional fields inline. */
export function compact(entries: readonly (readonly [string, FieldValue | undefined])[]): Fields {
  return entries.filter((entry): entry is Field => entry[1] !== undefined);
}
