import { innChecksumOk, kppFormatOk } from '../content/checksums.js';

// «Оплатить как организация или ИП» on the order form (docs/payments.md#bank-transfers): who pays by
// bank transfer, checked before an invoice with their details is numbered and sent.

export const payerFormFields = ['payer', 'company_name', 'inn', 'kpp', 'legal_address'] as const;
export type PayerFormField = (typeof payerFormFields)[number];
export type PayerFormValues = Partial<Record<PayerFormField, string>>;
export type PayerFormErrors = Partial<Record<PayerFormField, string>>;

/** The buyer on a bank invoice. */
export interface CompanyPayer {
  companyName: string;
  inn: string;
  /** An organisation's КПП; null for a sole trader. */
  kpp: string | null;
  legalAddress: string;
}

export type PayerCheck = { ok: true; payer: CompanyPayer | null } | { ok: false; errors: PayerFormErrors };

const oneLine = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
/** ИНН and КПП are often pasted with spaces. */
const compact = (value: string | undefined) => (value ?? '').replace(/[\s-]/g, '').toUpperCase();

/**
 * `payer` is `person` (the default: the card page) or `company`. For a company: its name, a ИНН of 10
 * digits (an organisation, with a КПП) or 12 (a sole trader, who has no КПП), both with valid control
 * digits, and the legal address. `transfersOffered` is false while the seller has no bank details to
 * print on an invoice.
 */
export function checkPayer(values: PayerFormValues, transfersOffered: boolean): PayerCheck {
  const payer = values.payer ?? 'person';
  if (payer === 'person' || payer === '') return { ok: true, payer: null };
  if (payer !== 'company') return { ok: false, errors: { payer: 'Выберите, кто платит: частное лицо или организация.' } };
  if (!transfersOffered) return { ok: false, errors: { payer: 'Оплата по счёту сейчас недоступна: выберите оплату картой или позвоните нам.' } };

  const errors: PayerFormErrors = {};
  const companyName = oneLine(values.company_name);
  if (companyName.length < 3) errors.company_name = 'Укажите название организации или ИП, например «ООО «Ромашка»» или «ИП Иванов Иван Иванович».';
  else if (companyName.length > 200) errors.company_name = 'Название слишком длинное: не больше 200 символов.';

  const inn = compact(values.inn);
  if (inn === '') errors.inn = 'Укажите ИНН: 10 цифр у организации или 12 у ИП.';
  else if (!/^\d{10}$|^\d{12}$/.test(inn)) errors.inn = 'ИНН — 10 цифр у организации или 12 у ИП.';
  else if (!innChecksumOk(inn)) errors.inn = 'В ИНН ошибка: контрольная цифра не сходится. Проверьте цифры.';

  const kpp = compact(values.kpp);
  const soleTrader = /^\d{12}$/.test(inn);
  if (soleTrader && kpp !== '') errors.kpp = 'У ИП нет КПП: оставьте поле пустым.';
  else if (!soleTrader && kpp === '' && /^\d{10}$/.test(inn)) errors.kpp = 'Укажите КПП организации: 9 символов, например 773601001.';
  else if (!soleTrader && kpp !== '' && !kppFormatOk(kpp)) errors.kpp = 'КПП — 9 символов: цифры, 5-й и 6-й могут быть заглавными латинскими буквами.';

  const legalAddress = oneLine(values.legal_address);
  if (legalAddress.length < 10) errors.legal_address = 'Укажите юридический адрес с индексом и городом.';
  else if (legalAddress.length > 300) errors.legal_address = 'Адрес слишком длинный: не больше 300 символов.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, payer: { companyName, inn, kpp: soleTrader ? null : kpp, legalAddress } };
}
