import { z } from 'zod';
import type { FiscalAttributes } from '../../domain/receipts/receipt.js';
import type { RegisterAnswer, RegisterError, ReportAnswer } from '../cash-register.js';
import { parseAtolTimestamp } from './time.js';

// What ATOL's answers mean for us (docs/atol-protocol.md#errors, #report): the HTTP status and JSON of
// a registration or a report → a RegisterAnswer / ReportAnswer. Anything we cannot read is
// `unavailable`: the caller asks again, with the same external id, which is always safe.

/** An answer as it came over HTTP: the status and the JSON body, if it was JSON. */
export interface HttpAnswer {
  status: number;
  json: unknown;
}

const errorSchema = z.object({ code: z.number().int(), text: z.string().catch(''), type: z.string().optional() });
const answerSchema = z.looseObject({
  uuid: z.string().min(1).optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  error: errorSchema.nullable().optional().catch(undefined),
  payload: z.unknown().optional(),
});

/** Token not recognised (10) or expired (11): get a new token and repeat the call once. */
export const TOKEN_ERRORS: ReadonlySet<number> = new Set([10, 11]);
/** The document itself is wrong: sending it again will not help (validation, unknown operation, malformed request, content type). */
const DATA_ERRORS: ReadonlySet<number> = new Set([13, 31, 32, 40, 41]);
/** Our account, not the document: wrong login, blocked user, group not ours or not v5. Staff must fix the settings. */
const ACCOUNT_ERRORS: ReadonlySet<number> = new Set([12, 14, 20, 21]);

function read(answer: HttpAnswer): z.infer<typeof answerSchema> | null {
  const parsed = answerSchema.safeParse(answer.json);
  return parsed.success ? parsed.data : null;
}

const described = (error: RegisterError) => `ATOL error ${error.code}${error.text ? `: ${error.text}` : ''}`;

/** Why an answer without a usable error object is no answer: a proxy page, a 5xx, a broken body. */
function noAnswer(answer: HttpAnswer): { kind: 'unavailable'; reason: string } {
  return { kind: 'unavailable', reason: answer.json === undefined ? `HTTP ${answer.status} without JSON` : `HTTP ${answer.status}, unexpected answer` };
}

/** An error the token cannot fix, that is not about the document: retry later (and tell staff when it is the account). */
function unavailableFor(error: RegisterError): { kind: 'unavailable'; reason: string } {
  if (ACCOUNT_ERRORS.has(error.code)) return { kind: 'unavailable', reason: `ATOL refused our account (check the ATOL settings): ${described(error)}` };
  if (TOKEN_ERRORS.has(error.code)) return { kind: 'unavailable', reason: `ATOL refused a fresh token: ${described(error)}` };
  return { kind: 'unavailable', reason: described(error) };
}

/** The error of an answer, if it has one: used to decide on a token refresh. */
export function errorCodeOf(answer: HttpAnswer): number | null {
  return read(answer)?.error?.code ?? null;
}

/** POST {group}/{operation}. */
export function registerAnswer(answer: HttpAnswer): RegisterAnswer {
  const body = read(answer);
  if (!body) return noAnswer(answer);
  const error = body.error ?? null;
  if (!error) {
    return answer.status === 200 && body.uuid ? { kind: 'accepted', uuid: body.uuid } : noAnswer(answer);
  }
  const registerError: RegisterError = { code: error.code, text: error.text };
  // 33: this external id is known; the earlier uuid comes with it only sometimes (UNVERIFIED).
  if (error.code === 33) return { kind: 'duplicate', uuid: body.uuid ?? null };
  if (DATA_ERRORS.has(error.code)) return { kind: 'rejected', error: registerError };
  return unavailableFor(registerError);
}

const payloadSchema = z.object({
  fiscal_receipt_number: z.number().int(),
  shift_number: z.number().int(),
  receipt_datetime: z.string(),
  total: z.number(),
  fn_number: z.string().min(1),
  ecr_registration_number: z.string().optional().catch(undefined),
  fiscal_document_number: z.number().int(),
  // An uint32; taken as a number or as digits, in case a proxy stringifies big numbers.
  fiscal_document_attribute: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,10}$/).transform(Number)]),
  ofd_receipt_url: z.string().min(1).optional().catch(undefined),
});

/** The fiscal proof of a `done` document, or null when the payload is not readable. */
export function fiscalAttributesOf(payload: unknown): FiscalAttributes | null {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const registeredAt = parseAtolTimestamp(p.receipt_datetime);
  if (!registeredAt) return null;
  return {
    fiscalReceiptNumber: p.fiscal_receipt_number,
    shiftNumber: p.shift_number,
    fnNumber: p.fn_number,
    fiscalDocumentNumber: p.fiscal_document_number,
    fiscalDocumentAttribute: p.fiscal_document_attribute,
    registeredAt,
    ofdReceiptUrl: p.ofd_receipt_url ?? null,
    totalKopecks: Math.round(p.total * 100),
    ...(p.ecr_registration_number ? { registerNumber: p.ecr_registration_number } : {}),
  };
}

/** GET {group}/report/{uuid}; also the body of a callback. */
export function reportAnswer(answer: HttpAnswer, uuid: string): ReportAnswer {
  const body = read(answer);
  if (!body) return noAnswer(answer);
  const error = body.error ?? null;
  // 30: no such uuid in this group, or older than the 32-day report window.
  if (error?.code === 30) return { kind: 'not_found' };
  if (answer.status !== 200) return error ? unavailableFor({ code: error.code, text: error.text }) : noAnswer(answer);
  if (body.uuid !== undefined && body.uuid !== uuid) return { kind: 'unavailable', reason: `report for another document (${body.uuid})` };
  switch (body.status) {
    case 'wait':
      // 34 "not processed yet" comes as HTTP 200 with status wait.
      return { kind: 'wait' };
    case 'done': {
      const fiscal = fiscalAttributesOf(body.payload);
      return fiscal ? { kind: 'done', fiscal } : { kind: 'unavailable', reason: 'done without a readable payload' };
    }
    case 'fail':
      return error ? { kind: 'fail', error: { code: error.code, text: error.text } } : { kind: 'unavailable', reason: 'fail without an error' };
    default:
      return noAnswer(answer);
  }
}
