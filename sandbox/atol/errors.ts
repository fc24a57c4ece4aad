import { randomUUID } from 'node:crypto';

/**
 * ATOL's service errors (docs/atol-protocol.md#errors, table of A-V4 §8.1), with the HTTP status, the `type` and
 * the `status` that goes with each. `status: null` means the real answers carry no `status` field
 * at all (captured samples: token errors and code 50 are `{error, timestamp}` only).
 */
export type ErrorType = 'none' | 'system' | 'driver' | 'timeout' | 'agent' | 'unknown';

export interface AtolError {
  error_id?: string;
  code: number;
  text: string;
  type: ErrorType;
}

interface ServiceError {
  http: number;
  /** {0}, {1} are replaced by the arguments of serviceError(). */
  text: string;
  type: ErrorType;
  status: 'fail' | 'wait' | null;
}

export const SERVICE_ERRORS = {
  0: { http: 400, text: 'Неизвестная ошибка обработки.', type: 'unknown', status: null },
  1: { http: 400, text: 'Сервер не смог обработать входной чек.', type: 'system', status: null },
  10: { http: 401, text: 'Не распознан токен запроса', type: 'system', status: null },
  11: { http: 401, text: 'Переданный токен не активен', type: 'system', status: null },
  12: { http: 401, text: 'Неверный логин или пароль', type: 'system', status: null },
  13: { http: 400, text: 'Ошибка валидации входящего запроса. Ошибочные поля: {0}.', type: 'system', status: null },
  14: { http: 403, text: 'Пользователь заблокирован', type: 'system', status: null },
  20: { http: 401, text: 'Код группы, указанный в запросе, не соответствует токену.', type: 'system', status: null },
  21: { http: 401, text: 'Код группы не поддерживает данную версию протокола.', type: 'system', status: null },
  30: { http: 400, text: 'Передан некорректный UUID : "{0}". Необходимо повторить запрос с корректными данными', type: 'system', status: 'fail' },
  31: { http: 400, text: 'Операция "{0}" не поддерживается.', type: 'system', status: null },
  // "входящего", as in the captured getToken answer ([C-SKOD] getTokenResponseFail-02.json).
  32: { http: 400, text: 'Ошибка валидации входящего чека. Ошибочные поля : {0}', type: 'system', status: 'fail' },
  33: { http: 400, text: 'В системе существует чек с external_id : "{0}" и group_code: "{1}"', type: 'system', status: 'wait' },
  34: { http: 200, text: 'Состояние чека не найдено. Попробуйте позднее', type: 'system', status: 'wait' },
  40: { http: 400, text: 'Некорректный запрос.', type: 'system', status: null },
  41: { http: 415, text: 'Некорректный Content-Type: {0}.', type: 'system', status: null },
  50: { http: 500, text: 'Ошибка сервера. Обратитесь к Администратору.', type: 'system', status: null },
} as const satisfies Record<number, ServiceError>;

export type ServiceErrorCode = keyof typeof SERVICE_ERRORS;

export interface ServiceAnswer {
  http: number;
  body: Record<string, unknown>;
}

/** The error object of a service error, with a fresh error_id and the placeholders filled in. */
export function serviceError(code: ServiceErrorCode, ...args: string[]): AtolError {
  const entry: ServiceError = SERVICE_ERRORS[code];
  const text = args.reduce((result, arg, index) => result.replace(`{${index}}`, arg), entry.text);
  return { error_id: randomUUID(), code, text, type: entry.type };
}

/** The whole HTTP answer of a service error: `{error, timestamp}` plus `status` where ATOL sends one. */
export function serviceAnswer(code: ServiceErrorCode, timestamp: string, args: string[] = [], extra: Record<string, unknown> = {}): ServiceAnswer {
  const entry: ServiceError = SERVICE_ERRORS[code];
  return {
    http: entry.http,
    body: { error: serviceError(code, ...args), ...(entry.status ? { status: entry.status } : {}), timestamp, ...extra },
  };
}

/** Processing failures delivered in report/callback with `status: "fail"` (docs/atol-protocol.md#errors). */
export function innMismatch(receiptInn: string, groupInn: string): AtolError {
  return {
    code: 2009,
    text: `ИНН, указанный в чеке ${receiptInn}, не соответствует ИНН группы касс ${groupInn}. Попыток регистрировать чек не производилось.`,
    type: 'agent',
  };
}

export function queueTimeout(code: number): AtolError {
  return { error_id: randomUUID(), code, text: 'Превышено время ожидания чека в очереди.', type: 'timeout' };
}
