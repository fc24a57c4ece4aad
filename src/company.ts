import type { Config } from './config.js';

/** The seller's legal details shown in the footer and legal pages (ЗоЗПП art. 8–9). */
export interface Company {
  name: string;
  inn: string;
  ogrn: string;
  address: string;
  phone: string;
  email: string;
}

export function companyFrom(config: Config): Company {
  return {
    name: config.COMPANY_NAME,
    inn: config.COMPANY_INN,
    ogrn: config.COMPANY_OGRN,
    address: config.COMPANY_ADDRESS,
    phone: config.COMPANY_PHONE,
    email: config.COMPANY_EMAIL,
  };
}
