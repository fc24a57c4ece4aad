/** Russian names of the v5 codes, as a receipt or an OFD page prints them (docs/atol-protocol.md#receipt-body). */

export const OPERATION_TITLES: Record<string, { title: string; kind: string }> = {
  sell: { title: 'Кассовый чек', kind: 'Приход' },
  sell_refund: { title: 'Кассовый чек', kind: 'Возврат прихода' },
  sell_correction: { title: 'Кассовый чек коррекции', kind: 'Приход' },
  sell_refund_correction: { title: 'Кассовый чек коррекции', kind: 'Возврат прихода' },
};

export const SNO_NAMES: Record<string, string> = {
  osn: 'ОСН',
  usn_income: 'УСН доход',
  usn_income_outcome: 'УСН доход − расход',
  envd: 'ЕНВД',
  esn: 'ЕСХН',
  patent: 'Патент',
};

export const PAYMENT_METHOD_NAMES: Record<string, string> = {
  full_prepayment: 'Предоплата 100 %',
  prepayment: 'Частичная предоплата',
  advance: 'Аванс',
  full_payment: 'Полный расчёт',
  partial_payment: 'Частичный расчёт и кредит',
  credit: 'Передача в кредит',
  credit_payment: 'Оплата кредита',
};

export const PAYMENT_OBJECT_NAMES: Record<number, string> = {
  1: 'Товар',
  2: 'Подакцизный товар',
  3: 'Работа',
  4: 'Услуга',
  5: 'Ставка азартной игры',
  6: 'Выигрыш азартной игры',
  7: 'Лотерейный билет',
  8: 'Выигрыш лотереи',
  9: 'Предоставление РИД',
  10: 'Платёж (аванс, задаток, предоплата, кредит)',
  11: 'Агентское вознаграждение',
  12: 'Выплата (взнос, пени, штраф)',
  13: 'Иной предмет расчёта',
  14: 'Имущественное право',
  15: 'Внереализационный доход',
  16: 'Иные платежи и взносы',
  17: 'Торговый сбор',
  18: 'Туристический налог',
  19: 'Залог',
  20: 'Расход',
  21: 'Взносы на ОПС ИП',
  22: 'Взносы на ОПС',
  23: 'Взносы на ОМС ИП',
  24: 'Взносы на ОМС',
  25: 'Взносы на ОСС',
  26: 'Платёж казино',
  27: 'Выдача денежных средств',
  30: 'Подакцизный товар без кода маркировки',
  31: 'Подакцизный товар с кодом маркировки',
  32: 'Товар без кода маркировки',
  33: 'Товар с кодом маркировки',
};

export const MEASURE_NAMES: Record<number, string> = {
  0: 'шт.',
  10: 'г',
  11: 'кг',
  12: 'т',
  20: 'см',
  21: 'дм',
  22: 'м',
  30: 'кв. см',
  31: 'кв. дм',
  32: 'кв. м',
  40: 'мл',
  41: 'л',
  42: 'куб. м',
  50: 'кВт·ч',
  51: 'Гкал',
  70: 'сут.',
  71: 'ч',
  72: 'мин',
  73: 'с',
  80: 'Кбайт',
  81: 'Мбайт',
  82: 'Гбайт',
  83: 'Тбайт',
  255: 'иная ед.',
};

export const VAT_NAMES: Record<string, string> = {
  none: 'Без НДС',
  vat0: 'НДС 0 %',
  vat5: 'НДС 5 %',
  vat7: 'НДС 7 %',
  vat10: 'НДС 10 %',
  vat20: 'НДС 20 %',
  vat22: 'НДС 22 %',
  vat105: 'НДС 5/105',
  vat107: 'НДС 7/107',
  vat110: 'НДС 10/110',
  vat120: 'НДС 20/120',
  vat122: 'НДС 22/122',
};

/** Payment types 5–9 are shop-defined variants of 0–4. */
const PAYMENT_TYPE_BASE = ['Наличными', 'Электронными', 'Зачёт предоплаты (аванса)', 'Постоплата (кредит)', 'Встречное предоставление'];
export const paymentTypeName = (type: number) => PAYMENT_TYPE_BASE[type % 5] ?? `Тип ${type}`;

export const STATUS_NAMES: Record<string, string> = { wait: 'В очереди', done: 'Зарегистрирован', fail: 'Ошибка' };

export const CORRECTION_TYPES: Record<string, string> = { self: 'Самостоятельно', instruction: 'По предписанию' };
