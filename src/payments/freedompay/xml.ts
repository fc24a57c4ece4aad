import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { Fields } from './fields.js';

// The gateway answers in XML and may call us with a `pg_xml` field. Parsing keeps document order
// and repeated tags, which the signature depends on (docs/freedompay-protocol.md#flattening).

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true });

type OrderedNode = Record<string, OrderedNode[] | string> & { '#text'?: string };

/** Parses `<root>…</root>` into ordered fields; throws if the root element is missing. */
export function parseXmlFields(xml: string, root: 'response' | 'request'): Fields {
  const document = parser.parse(xml) as OrderedNode[];
  const rootNode = document.find((node) => root in node);
  if (!rootNode) throw new Error(`XML without <${root}>`);
  return toFields(rootNode[root] as OrderedNode[]);
}

function toFields(nodes: OrderedNode[]): Fields {
  const fields: Fields = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (!tag) continue;
    const children = node[tag] as OrderedNode[];
    const elements = children.filter((child) => Object.keys(child).some((key) => key !== '#text' && key !== ':@'));
    if (elements.length === 0) {
      fields.push([tag, children.map((child) => child['#text'] ?? '').join('')]);
    } else {
      fields.push([tag, toFields(elements)]);
    }
  }
  return fields;
}

const builder = new XMLBuilder({ preserveOrder: true, processEntities: true });

/** Builds `<?xml …?><response>…</response>` from ordered fields. */
export function buildXml(fields: Fields, root: 'response' | 'request' = 'response'): string {
  const toNodes = (list: Fields): OrderedNode[] =>
    list.map(([key, value]) => ({ [key]: typeof value === 'string' ? [{ '#text': value }] : toNodes(value) }) as OrderedNode);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build([{ [root]: toNodes(fields) }])}`;
}
