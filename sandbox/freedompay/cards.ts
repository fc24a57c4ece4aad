/**
 * Test cards (docs/freedompay-protocol.md#test-cards) and the card checks of the hosted page. "–" (operation
 * impossible) in the source table is stored as false: the sandbox refuses it like "✗".
 */
export interface TestCard {
  pan: string;
  threeDs: boolean;
  auth: boolean;
  clearing: boolean;
  reverse: boolean;
  refund: boolean;
  note: string;
}

export const TEST_CARDS: readonly TestCard[] = Object.freeze([
  { pan: '4716047261941981', threeDs: false, auth: true, clearing: true, reverse: false, refund: true, note: 'Успешная оплата без 3-D Secure; отмена (cancel) недоступна, возврат доступен' },
  { pan: '4916307416334310', threeDs: true, auth: true, clearing: true, reverse: false, refund: false, note: 'Успешная оплата с 3-D Secure; отмена и возврат недоступны' },
  { pan: '5367654276102126', threeDs: true, auth: true, clearing: false, reverse: true, refund: false, note: 'Авторизация с 3-D Secure; списание (clearing) и возврат недоступны, отмена доступна' },
  { pan: '4939770956154989', threeDs: false, auth: true, clearing: false, reverse: true, refund: false, note: 'Авторизация без 3-D Secure; списание (clearing) и возврат недоступны, отмена доступна' },
  { pan: '5335215945367703', threeDs: false, auth: false, clearing: false, reverse: false, refund: false, note: 'Отказ в авторизации' },
  { pan: '4916109830832246', threeDs: false, auth: false, clearing: false, reverse: false, refund: false, note: 'Отказ в авторизации' },
  { pan: '5548398681700148', threeDs: false, auth: false, clearing: false, reverse: false, refund: false, note: 'Отказ в авторизации' },
  { pan: '5475102935853613', threeDs: false, auth: false, clearing: false, reverse: false, refund: false, note: 'Отказ в авторизации' },
  { pan: '6224466455690681278', threeDs: false, auth: true, clearing: true, reverse: true, refund: true, note: 'UnionPay: все операции доступны' },
  { pan: '623275279933273424', threeDs: false, auth: true, clearing: true, reverse: true, refund: true, note: 'UnionPay: все операции доступны' },
  { pan: '62528733472390953', threeDs: false, auth: true, clearing: true, reverse: true, refund: true, note: 'UnionPay: все операции доступны' },
].map((card) => Object.freeze(card)));

/** Any other valid PAN behaves like a plain card: approved, no 3-D Secure, every operation allowed. */
const PLAIN_CARD: Omit<TestCard, 'pan' | 'note'> = { threeDs: false, auth: true, clearing: true, reverse: true, refund: true };

export function cardBehaviour(pan: string): Omit<TestCard, 'pan' | 'note'> {
  return TEST_CARDS.find((card) => card.pan === pan) ?? PLAIN_CARD;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Brand codes as in callbacks (`VI`, `MC`, `UP`); the full list is unpublished
 * (docs/freedompay-protocol.md#result-callback).
 */
export function cardBrand(pan: string): string | undefined {
  if (pan.startsWith('4')) return 'VI';
  const two = Number(pan.slice(0, 2));
  const four = Number(pan.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return 'MC';
  if (four >= 2200 && four <= 2204) return 'MIR';
  if (pan.startsWith('62')) return 'UP';
  return undefined;
}

/**
 * `4716-04XX-XXXX-1981`: first six and last four digits, groups of four (as in
 * docs/freedompay-protocol.md#result-callback).
 */
export function maskPan(pan: string): string {
  const masked = pan.slice(0, 6) + 'X'.repeat(Math.max(0, pan.length - 10)) + pan.slice(-4);
  return masked.match(/.{1,4}/g)?.join('-') ?? masked;
}

export interface CardFields {
  pan: string;
  expiry: string;
  cvc: string;
  holder: string;
}

export type CardErrors = Partial<Record<keyof CardFields, string>>;

export interface CheckedCard {
  pan: string;
  /** MM/YY as printed on the card. */
  expiry: string;
  holder: string;
}

/**
 * The hosted page's checks, with the messages the payer sees. Expiry is compared with the
 * sandbox's virtual "now": a card valid through the end of its month.
 */
export function checkCard(input: CardFields, now: Date): { card?: CheckedCard; errors: CardErrors } {
  const errors: CardErrors = {};
  const pan = input.pan.replace(/[\s-]/g, '');
  if (pan === '') errors.pan = 'Введите номер карты';
  else if (!/^\d{12,19}$/.test(pan)) errors.pan = 'Номер карты — от 12 до 19 цифр';
  else if (!luhnValid(pan)) errors.pan = 'Номер карты введён с ошибкой: проверьте цифры';

  const expiry = input.expiry.trim().replace(/\s/g, '');
  const match = /^(\d{2})\/?(\d{2})$/.exec(expiry);
  if (expiry === '') errors.expiry = 'Введите срок действия карты';
  else if (!match || Number(match[1]) < 1 || Number(match[1]) > 12) errors.expiry = 'Срок действия — в формате ММ/ГГ, например 12/30';
  else {
    const month = Number(match[1]);
    const year = 2000 + Number(match[2]);
    // The card works until the last moment of its month (UTC is close enough for a sandbox).
    if (Date.UTC(year, month, 1) <= now.getTime()) errors.expiry = 'Срок действия карты истёк';
  }

  if (input.cvc.trim() === '') errors.cvc = 'Введите CVC/CVV-код';
  else if (!/^\d{3}$/.test(input.cvc.trim())) errors.cvc = 'CVC/CVV — три цифры на обороте карты';

  const holder = input.holder.trim().replace(/\s+/g, ' ');
  if (holder === '') errors.holder = 'Введите имя владельца, как на карте';
  else if (holder.length > 100) errors.holder = 'Имя владельца не длиннее 100 символов';

  if (Object.keys(errors).length > 0 || !match) return { errors };
  return { card: { pan, expiry: `${match[1]}/${match[2]}`, holder }, errors };
}
