import type { CompanyFormValues } from '../../src/domain/content/company-details.js';

/** Real, checksum-valid details (ПАО Сбербанк's bank numbers) as the back office's form sends them. */
export const validCompany: CompanyFormValues = {
  name: 'ООО «Услуги онлайн»',
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  address: '125009, г. Москва, ул. Тверская, д. 1, офис 1',
  phone: '+7 495 123-45-67',
  email: 'hello@uslugi.example',
  bank_name: 'ПАО Сбербанк',
  bik: '044525225',
  correspondent_account: '30101810400000000225',
  settlement_account: '40702810938000000001',
};
