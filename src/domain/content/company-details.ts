import { normalisePhone } from '../accounts/phone.js';
import { bikFormatOk, correspondentAccountOk, innChecksumOk, kppFormatOk, ogrnChecksumOk, settlementAccountOk } from './checksums.js';

// The seller's details as the owner types them in the back office (issue 17): checked field by field,
// with the control digits of ИНН, ОГРН, БИК and the accounts, before they reach a page, an email, a PDF
// or a cash receipt.

export interface BankDetails {
  name: string;
  bik: string;
  correspondentAccount: string;
  settlementAccount: string;
}

/** The seller's legal details (ЗоЗПП art. 8–9): footers, legal texts, emails, PDFs and receipts. */
export interface Company {
  name: string;
  inn: string;
  /** An organisation's КПП; null for an individual entrepreneur, who has none. */
  kpp: string | null;
  ogrn: string;
  address: string;
  phone: string;
  email: string;
  /** Null until the owner enters them (the COMPANY_* settings have none). */
  bank: BankDetails | null;
}

export const companyFields = ['name', 'inn', 'kpp', 'ogrn', 'address', 'phone', 'email', 'bank_name', 'bik', 'correspondent_account', 'settlement_account'] as const;
export type CompanyField = (typeof companyFields)[number];
export type CompanyFormValues = Partial<Record<CompanyField, string>>;
export type CompanyFormErrors = Partial<Record<CompanyField, string>>;

export const companyFieldLabels: Record<CompanyField, string> = {
  name: 'Название',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН или ОГРНИП',
  address: 'Адрес',
  phone: 'Телефон',
  email: 'Электронная почта',
  bank_name: 'Банк',
  bik: 'БИК',
  correspondent_account: 'Корреспондентский счёт',
  settlement_account: 'Расчётный счёт',
};

/** The stored details as the form shows them. */
export function valuesOfCompany(company: Company): CompanyFormValues {
  return {
    name: company.name,
    inn: company.inn,
    kpp: company.kpp ?? '',
    ogrn: company.ogrn,
    address: company.address,
    phone: company.phone,
    email: company.email,
    bank_name: company.bank?.name ?? '',
    bik: company.bank?.bik ?? '',
    correspondent_account: company.bank?.correspondentAccount ?? '',
    settlement_account: company.bank?.settlementAccount ?? '',
  };
}

const oneLine = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
/** Numbers are often pasted with spaces or dashes: «40702 810 9…». */
const digits = (value: string | undefined) => (value ?? '').replace(/[\s-]/g, '');
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

export type CompanyFormResult = { ok: true; company: Company } | { ok: false; errors: CompanyFormErrors };

export function parseCompanyForm(values: CompanyFormValues): CompanyFormResult {
  const errors: CompanyFormErrors = {};
  const fail = (field: CompanyField, message: string) => void (errors[field] ??= message);

  const name = oneLine(values.name);
  if (name.length < 3 || name.length > 200) fail('name', 'Укажите полное название, как в ЕГРЮЛ: от 3 до 200 символов, например «ООО «Услуги онлайн»».');

  const inn = digits(values.inn);
  if (!/^\d{10}$|^\d{12}$/.test(inn)) fail('inn', 'ИНН — 10 цифр у организации или 12 у индивидуального предпринимателя.');
  else if (!innChecksumOk(inn)) fail('inn', 'В ИНН ошибка: контрольная цифра не сходится. Сверьте номер со свидетельством или выпиской.');
  const organisation = inn.length === 10;

  const kpp = digits(values.kpp).toUpperCase();
  if (inn.length === 12 && kpp) fail('kpp', 'У индивидуального предпринимателя нет КПП: оставьте поле пустым.');
  else if (organisation && !kpp) fail('kpp', 'У организации есть КПП: укажите его, 9 знаков.');
  else if (kpp && !kppFormatOk(kpp)) fail('kpp', 'КПП — 9 знаков: 4 цифры, 2 цифры или латинские буквы, 3 цифры.');

  const ogrn = digits(values.ogrn);
  if (!/^\d{13}$|^\d{15}$/.test(ogrn)) fail('ogrn', 'ОГРН — 13 цифр у организации, ОГРНИП — 15 у индивидуального предпринимателя.');
  else if (!ogrnChecksumOk(ogrn)) fail('ogrn', 'В номере ошибка: контрольная цифра не сходится. Сверьте его с выпиской.');
  else if (/^\d{10}$|^\d{12}$/.test(inn) && (ogrn.length === 13) !== organisation) {
    fail('ogrn', organisation ? 'У организации (ИНН из 10 цифр) ОГРН из 13 цифр.' : 'У индивидуального предпринимателя (ИНН из 12 цифр) ОГРНИП из 15 цифр.');
  }

  const address = oneLine(values.address);
  if (address.length < 10 || address.length > 300) fail('address', 'Укажите адрес с индексом и городом: от 10 до 300 символов.');

  const phone = oneLine(values.phone);
  if (!normalisePhone(phone)) fail('phone', 'Укажите телефон, по которому звонят клиенты, например «+7 495 123-45-67».');
  else if (phone.length > 40) fail('phone', 'Телефон — не длиннее 40 символов.');

  const email = oneLine(values.email);
  if (!EMAIL.test(email) || email.length > 254) fail('email', 'Укажите адрес электронной почты, например «hello@company.ru».');

  const bankName = oneLine(values.bank_name);
  if (bankName.length < 3 || bankName.length > 200) fail('bank_name', 'Укажите название банка, например «ПАО Сбербанк».');
  const bik = digits(values.bik);
  if (!bikFormatOk(bik)) fail('bik', 'БИК — 9 цифр, у российских банков он начинается с 04.');
  const correspondent = digits(values.correspondent_account);
  if (!/^\d{20}$/.test(correspondent)) fail('correspondent_account', 'Корреспондентский счёт — 20 цифр, начинается с 30101.');
  else if (!correspondent.startsWith('30101')) fail('correspondent_account', 'Корреспондентский счёт банка начинается с 30101.');
  else if (bikFormatOk(bik) && !correspondentAccountOk(bik, correspondent)) fail('correspondent_account', 'Счёт не сходится с БИК: проверьте обе цифры и банк.');
  const settlement = digits(values.settlement_account);
  if (!/^\d{20}$/.test(settlement)) fail('settlement_account', 'Расчётный счёт — 20 цифр.');
  else if (bikFormatOk(bik) && !settlementAccountOk(bik, settlement)) fail('settlement_account', 'Счёт не сходится с БИК: контрольная цифра неверна. Сверьте счёт и БИК с договором банка.');

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    company: {
      name,
      inn,
      kpp: kpp || null,
      ogrn,
      address,
      phone,
      email,
      bank: { name: bankName, bik, correspondentAccount: correspondent, settlementAccount: settlement },
    },
  };
}
