import { parseAtolDate, parseAtolTimestamp } from './clock.js';
import { toKopecks, toThousandths, VAT_TYPES } from './money.js';
import { type Check, Checker, type Issue, type Json, array, boolean, each, integer, number, object, oneOf, string } from './schema-checks.js';
import type { AtolOperation } from './types.js';

/**
 * The v5 (ФФД 1.2) request schema as ATOL checks it at intake (docs/atol-protocol.md#receipt-body): anything found here is
 * answered 400 code 32 and nothing is registered. Numbers are handed on in kopecks / thousandths.
 */

export const OPERATIONS: readonly AtolOperation[] = ['sell', 'sell_refund', 'sell_correction', 'sell_refund_correction'];
export const isCorrection = (operation: AtolOperation) => operation.endsWith('_correction');

export const SNO = ['osn', 'usn_income', 'usn_income_outcome', 'envd', 'esn', 'patent'] as const;
export const PAYMENT_METHODS = ['full_prepayment', 'prepayment', 'advance', 'full_payment', 'partial_payment', 'credit', 'credit_payment'] as const;
/** OKEI-like codes of tag 2108 ([C-SUSHI] Measure.php). */
export const MEASURES = [0, 10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 70, 71, 72, 73, 80, 81, 82, 83, 255] as const;
/** Tag 1212 values: 1–27 and 30–33 ([C-SUSHI] PaymentObject.php, [A-V5Q]). */
export const PAYMENT_OBJECTS = [...Array.from({ length: 27 }, (_, i) => i + 1), 30, 31, 32, 33] as const;

const MAX_MONEY = 42_949_672.95;
const INN = /^(\d{10}|\d{12})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
// International form without spaces, only "+" allowed; Russian numbers may omit +7 (docs/atol-protocol.md#buyer-and-seller).
const PHONE = /^\+?\d{1,19}$/;
const SITE = /^https?:\/\/\S+$/;

export interface CheckedLine {
  path: string;
  sumKopecks: number;
  priceKopecks: number;
  quantityThousandths: number;
  paymentMethod: string;
  paymentObject: number;
  vatType: string;
  vatKopecks?: number;
}

export interface CheckedDocument {
  externalId: string;
  timestampMs: number;
  callbackUrl: string;
  root: 'receipt' | 'correction';
  companyInn: string;
  totalKopecks: number;
  lines: CheckedLine[];
  payments: { path: string; type: number; sumKopecks?: number }[];
  vats: { path: string; type: string; sumKopecks?: number }[];
}

export interface ValidationOptions {
  requireInternetTags: boolean;
  correctionClientRequired: boolean;
}

const money = number({ min: 0, max: MAX_MONEY, decimals: 2 });
const kopecksOf = (value: number | undefined) => (value === undefined ? undefined : toKopecks(value));

export function validateDocument(body: unknown, operation: AtolOperation, options: ValidationOptions): { issues: Issue[]; doc?: CheckedDocument } {
  const c = new Checker();
  const envelope = object(c, body, '');
  if (!envelope) return { issues: c.issues };

  const externalId = c.prop(envelope, 'external_id', '', string({ min: 1, max: 128 }), true);
  const timestampText = c.prop(envelope, 'timestamp', '', string(), true);
  const timestampMs = timestampText === undefined ? undefined : parseAtolTimestamp(timestampText);
  if (timestampText !== undefined && timestampMs === undefined) c.add('PatternMismatch', '/timestamp');
  const service = c.prop(envelope, 'service', '', object);
  const callbackUrl = service ? c.prop(service, 'callback_url', '/service', string({ max: 256 })) : undefined;
  c.prop(envelope, 'ism_optional', '', boolean);
  c.prop(envelope, 'source_id', '', integer({ min: 0, max: 9 }));

  const root = isCorrection(operation) ? 'correction' : 'receipt';
  const document = c.prop(envelope, root, '', object, true);
  const checked = document ? checkBody(c, document, `/${root}`, root, options) : undefined;

  if (c.issues.length > 0 || !checked || externalId === undefined || timestampMs === undefined) return { issues: c.issues };
  return { issues: [], doc: { externalId, timestampMs, callbackUrl: callbackUrl ?? '', root, ...checked } };
}

type Body = Omit<CheckedDocument, 'externalId' | 'timestampMs' | 'callbackUrl' | 'root'>;

function checkBody(c: Checker, doc: Json, base: string, root: 'receipt' | 'correction', options: ValidationOptions): Body | undefined {
  const clientRequired = root === 'receipt' || options.correctionClientRequired;
  const client = c.prop(doc, 'client', base, object, clientRequired);
  if (client) checkClient(c, client, `${base}/client`);

  const company = c.prop(doc, 'company', base, object, true);
  const companyInn = company ? checkCompany(c, company, `${base}/company`, options) : undefined;

  if (root === 'correction') {
    const info = c.prop(doc, 'correction_info', base, object, true);
    if (info) checkCorrectionInfo(c, info, `${base}/correction_info`);
  }

  const items = c.prop(doc, 'items', base, array({ min: 1, max: 100 }), true);
  const lines = each(c, items, `${base}/items`, line);
  const paymentList = c.prop(doc, 'payments', base, array({ min: 1, max: 10 }), true);
  const payments = each(c, paymentList, `${base}/payments`, payment);
  const vatList = c.prop(doc, 'vats', base, array({ min: 1, max: 6 }));
  const vats = each(c, vatList, `${base}/vats`, receiptVat);
  const total = c.prop(doc, 'total', base, money, true);

  const internet = c.prop(doc, 'internet', base, boolean, options.requireInternetTags);
  if (options.requireInternetTags && internet === false) c.add('NotInEnumeration', `${base}/internet`);
  c.prop(doc, 'cashier', base, string({ max: 64 }));
  c.prop(doc, 'cashier_inn', base, string({ pattern: /^\d{12}$/ }));
  c.prop(doc, 'additional_check_props', base, string({ max: 16 }));
  const userProps = c.prop(doc, 'additional_user_props', base, object);
  if (userProps) {
    c.prop(userProps, 'name', `${base}/additional_user_props`, string({ max: 64 }), true);
    c.prop(userProps, 'value', `${base}/additional_user_props`, string({ max: 256 }), true);
  }
  c.prop(doc, 'timezone', base, integer({ min: 1, max: 11 }));
  c.prop(doc, 'device_number', base, string({ min: 1, max: 20 }));
  c.prop(doc, 'cashless_payments', base, array({ min: 1, max: 10 }));

  if (companyInn === undefined || total === undefined) return undefined;
  const totalKopecks = toKopecks(total);
  if (totalKopecks === undefined || lines.some((l) => !l) || payments.some((p) => !p) || vats.some((v) => !v)) return undefined;
  return {
    companyInn,
    totalKopecks,
    lines: lines as CheckedLine[],
    payments: payments as CheckedDocument['payments'],
    vats: vats as CheckedDocument['vats'],
  };
}

function checkClient(c: Checker, client: Json, base: string): void {
  const email = c.prop(client, 'email', base, string({ max: 64, pattern: EMAIL }));
  const phone = c.prop(client, 'phone', base, string({ max: 64, pattern: PHONE }));
  // At least one contact (tag 1008, docs/atol-protocol.md#buyer-and-seller); reported on the object when both are absent.
  if (email === undefined && phone === undefined && client.email == null && client.phone == null) c.add('PropertyRequired', `${base}/email`);
  c.prop(client, 'name', base, string({ max: 256 }));
  c.prop(client, 'inn', base, string({ pattern: INN }));
}

function checkCompany(c: Checker, company: Json, base: string, options: ValidationOptions): string | undefined {
  c.prop(company, 'email', base, string({ max: 64, pattern: EMAIL }), true);
  c.prop(company, 'sno', base, oneOf(SNO));
  const inn = c.prop(company, 'inn', base, string({ pattern: INN }), true);
  // For internet sales the place of settlement (1187) is the site address (docs/atol-protocol.md#buyer-and-seller, [L-1125]).
  c.prop(company, 'payment_address', base, string({ max: 256, ...(options.requireInternetTags ? { pattern: SITE } : { min: 1 }) }), true);
  c.prop(company, 'location', base, string({ min: 1, max: 256 }));
  return inn;
}

function checkCorrectionInfo(c: Checker, info: Json, base: string): void {
  const type = c.prop(info, 'type', base, oneOf(['self', 'instruction']), true);
  const baseDate = c.prop(info, 'base_date', base, string(), true);
  if (baseDate !== undefined && parseAtolDate(baseDate) === undefined) c.add('PatternMismatch', `${base}/base_date`);
  c.prop(info, 'base_number', base, string({ min: 1, max: 32 }), type === 'instruction');
}

const line: Check<CheckedLine> = (c, value, path) => {
  const item = object(c, value, path);
  if (!item) return undefined;
  c.prop(item, 'name', path, string({ min: 1, max: 128 }), true);
  const price = c.prop(item, 'price', path, money, true);
  const quantity = c.prop(item, 'quantity', path, number({ min: 0, exclusiveMin: true, max: 99_999.999, decimals: 3 }), true);
  const sum = c.prop(item, 'sum', path, money, true);
  c.prop(item, 'measure', path, integer({ oneOf: MEASURES }), true);
  const paymentMethod = c.prop(item, 'payment_method', path, oneOf(PAYMENT_METHODS), true);
  const paymentObject = c.prop(item, 'payment_object', path, integer({ oneOf: PAYMENT_OBJECTS }), true);
  const vat = c.prop(item, 'vat', path, object, true);
  const vatType = vat ? c.prop(vat, 'type', `${path}/vat`, oneOf(VAT_TYPES), true) : undefined;
  const vatSum = vat ? c.prop(vat, 'sum', `${path}/vat`, money) : undefined;
  c.prop(item, 'user_data', path, string({ max: 64 }));
  if (price === undefined || quantity === undefined || sum === undefined || !paymentMethod || paymentObject === undefined || !vatType) return undefined;
  const priceKopecks = toKopecks(price);
  const quantityThousandths = toThousandths(quantity);
  const sumKopecks = toKopecks(sum);
  const vatKopecks = kopecksOf(vatSum);
  if (priceKopecks === undefined || quantityThousandths === undefined || sumKopecks === undefined) return undefined;
  return { path, priceKopecks, quantityThousandths, sumKopecks, paymentMethod, paymentObject, vatType, ...(vatKopecks !== undefined ? { vatKopecks } : {}) };
};

const payment: Check<CheckedDocument['payments'][number]> = (c, value, path) => {
  const entry = object(c, value, path);
  if (!entry) return undefined;
  const type = c.prop(entry, 'type', path, integer({ min: 0, max: 9 }), true);
  const sum = kopecksOf(c.prop(entry, 'sum', path, money));
  return type === undefined ? undefined : { path, type, ...(sum !== undefined ? { sumKopecks: sum } : {}) };
};

const receiptVat: Check<CheckedDocument['vats'][number]> = (c, value, path) => {
  const entry = object(c, value, path);
  if (!entry) return undefined;
  const type = c.prop(entry, 'type', path, oneOf(VAT_TYPES), true);
  const sum = kopecksOf(c.prop(entry, 'sum', path, money));
  return type === undefined ? undefined : { path, type, ...(sum !== undefined ? { sumKopecks: sum } : {}) };
};
