/**
 * Error and failure codes the sandbox answers with, in one place. The real list is not public
 * (docs/freedompay-protocol.md#error-codes); these are the codes seen in the sources, and the client must not
 * depend on more than "error with a code".
 */
export const ERR = {
  merchantUnknown: { code: '9998', description: 'Магазин не найден' },
  badSignature: { code: '1100', description: 'Некорректная подпись запроса' },
  paymentNotFound: { code: '11068', description: 'Платёж не найден' },
  invalidStatus: { code: '120', description: 'Недопустимый статус платежа для этой операции' },
} as const;

export const VALIDATION_CODE = '9403';

/**
 * Failure codes on declined payments (third-party production mapping, docs/freedompay-protocol.md#error-codes)
 * and operations.
 */
export const FAILURE = {
  issuerDecline: { code: '10007', description: 'Отказ банка-эмитента' },
  threeDsFailed: { code: '10004', description: 'Ошибка аутентификации 3-D Secure: неверный код подтверждения' },
  checkRefused: { code: '9999', description: 'Магазин отказал в приёме платежа' },
  rejectedByMerchant: { code: '9999', description: 'Магазин отклонил платёж' },
  expired: { code: '9999', description: 'Истёк срок действия платёжной ссылки' },
} as const;

export interface GatewayError {
  code: string;
  description: string;
}

export const validationError = (field: string, problem: string): GatewayError => ({
  code: VALIDATION_CODE,
  description: `Некорректный параметр ${field}: ${problem}`,
});
