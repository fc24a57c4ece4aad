import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Fields } from './fields.js';

// The gateway answers in XML and may call us with a `pg_xml` field. Its PHP signs what SimpleXML
// reads, so we read the same values: character references (`&#1047;`, `&#x410;`) and the five XML
// entities decoded once, spaces around a value kept, CDATA taken as written, line breaks as XML
// normalises them. fast-xml-parser only cuts the document up: its own entity decoding is off, as
// it follows HTML (it would also decode `&nbsp;`, which SimpleXML refuses). Document order and
// repeated tags are kept: the signature depends on them (docs/freedompay-protocol.md#flattening).

const CDATA = '#cdata';
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: false,
  cdataPropName: CDATA,
});

/** Deeper than any gateway message (lists nest two levels): refused before recursion can hurt. */
const MAX_DEPTH = 8;
/** Tags (`<`) beyond any gateway message (a callback has about 60): refused before parsing costs time. */
const MAX_TAGS = 2000;

type OrderedNode = Record<string, OrderedNode[] | string>;

/** Parses `<root>…</root>` into ordered fields; throws if the document is not one SimpleXML would read. */
export function parseXmlFields(xml: string, root: 'response' | 'request'): Fields {
  // A document type could declare entities; the gateway never sends one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('XML with a document type');
  if (tagCount(xml) > MAX_TAGS) throw new Error('XML with too many elements');
  const text = xml.replace(/\r\n?/g, '\n'); // XML 1.0 §2.11, as libxml does before anything else
  if (XMLValidator.validate(text) !== true) throw new Error('XML not well-formed');
  const document = parser.parse(text) as OrderedNode[];
  const rootNode = document.find((node) => root in node);
  if (!rootNode) throw new Error(`XML without <${root}>`);
  return toFields(rootNode[root] as OrderedNode[], 1);
}

function tagCount(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf('<'); at >= 0 && count <= MAX_TAGS; at = xml.indexOf('<', at + 1)) count++;
  return count;
}

const tagOf = (node: OrderedNode) => Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== CDATA);

function toFields(nodes: OrderedNode[], depth: number): Fields {
  if (depth > MAX_DEPTH) throw new Error('XML nested too deep');
  const fields: Fields = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag) continue; // text between elements, e.g. indentation
    const children = node[tag] as OrderedNode[];
    const elements = children.filter((child) => tagOf(child) !== undefined);
    // Like the PHP helper: an element with child elements nests, any other is a value.
    fields.push([tag, elements.length > 0 ? toFields(elements, depth + 1) : textOf(children)]);
  }
  return fields;
}

/** An element's text: text parts with their references decoded, CDATA parts as written. */
function textOf(children: OrderedNode[]): string {
  return children
    .map((child) => {
      if (typeof child['#text'] === 'string') return decodeReferences(child['#text']);
      const cdata = child[CDATA];
      return Array.isArray(cdata) ? cdata.map((part) => String(part['#text'] ?? '')).join('') : '';
    })
    .join('');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** One pass, so `&amp;#1047;` stays the text `&#1047;`; an unknown entity or a bare `&` is an error, as in libxml. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([A-Za-z]+))?;?/g, (match, decimal?: string, hex?: string, name?: string) => {
    if (!match.endsWith(';')) throw new Error('XML with a bare ampersand');
    if (name !== undefined) {
      const entity = entities[name];
      if (entity === undefined) throw new Error(`XML with an undeclared entity &${name};`);
      return entity;
    }
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    if (!isXmlChar(code)) throw new Error('XML with a character reference to a forbidden character');
    return String.fromCodePoint(code);
  });
}

/** The characters XML 1.0 allows (§2.2): a reference to any other is not well-formed. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

const builder = new XMLBuilder({ preserveOrder: true, processEntities: true });

/** Builds `<?xml …?><response>…</response>` from ordered fields. */
export function buildXml(fields: Fields, root: 'response' | 'request' = 'response'): string {
  const toNodes = (list: Fields): OrderedNode[] =>
    list.map(([key, value]) => ({ [key]: typeof value === 'string' ? [{ '#text': value }] : toNodes(value) }) as OrderedNode);
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build([{ [root]: toNodes(fields) }])}`;
}
