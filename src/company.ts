import type { Config } from './config.js';
import type { Company } from './domain/content/company-details.js';

export type { Company } from './domain/content/company-details.js';

/**
 * The seller's details from the COMPANY_* settings: the first values, in use until an admin saves the
 * details in the back office (/admin/content/company). Everything else reads `deps.content`.
 */
export function companyFrom(config: Config): Company {
  return {
    name: config.COMPANY_NAME,
    inn: config.COMPANY_INN,
    kpp: null,
    ogrn: config.COMPANY_OGRN,
    address: config.COMPANY_ADDRESS,
    phone: config.COMPANY_PHONE,
    email: config.COMPANY_EMAIL,
    bank: null,
  };
}
