import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Field, Fields } from './fields.js';

/**
 * XML messages (`pg_xml` requests, merchants' answers) as the same ordered fields as form messages. A leaf is
 * an element without child elements (its text is the value, `<a/>` is ""); an element with children nests;
 * repeated tags stay separate entries in document order (docs/freedompay-protocol.md#pg_xml), which the plain
 * object mode of fast-xml-parser would merge into arrays — hence preserveOrder.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false, // "1500.00" must stay "1500.00": the signature is over the sent string
  trimValues: false, // keep leaf text exactly; whitespace between elements is dropped below
  processEntities: true,
  htmlEntities: true, // numeric character references (&#1040;) too
});

type OrderedNode = Record<string, unknown>;

function toFields(nodes: OrderedNode[]): Fields {
  const out: Field[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (tag === undefined) continue; // text between elements (indentation) or a comment
    const children = (node[tag] as OrderedNode[] | undefined) ?? [];
    const hasElements = children.some((child) => Object.keys(child).some((key) => key !== ':@' && key !== '#text'));
    if (hasElements) out.push([tag, toFields(children)]);
    else out.push([tag, children.map((child) => String(child['#text'] ?? '')).join('')]);
  }
  return out;
}

export interface ParsedXml {
  root: string;
  fields: Fields;
}

/** Parses a whole XML document; undefined when it is not well-formed or has no root element. */
export function parseXml(xml: string): ParsedXml | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  const nodes = parser.parse(xml) as OrderedNode[];
  const root = toFields(nodes)[0];
  if (!root) return undefined;
  return { root: root[0], fields: typeof root[1] === 'string' ? [] : root[1] };
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function elements(fields: Fields): string {
  return fields
    .map(([name, value]) => `<${name}>${typeof value === 'string' ? escapeText(value) : elements(value)}</${name}>`)
    .join('');
}

/** `<?xml …?><root>…</root>` with fields in the given order (answers keep a stable order). */
export function buildXml(root: 'response' | 'request', fields: Fields): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${elements(fields)}</${root}>`;
}

/** XML element names the builder can emit; other names (numeric keys) cannot travel in XML. */
export const isXmlName = (name: string) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name);
