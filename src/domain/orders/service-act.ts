import { DateTime } from 'luxon';
import type { Company } from '../content/company-details.js';
import type { TaxSystem, VatRate } from '../receipts/receipt.js';
import { VAT_PERCENT, vatKopecks } from '../receipts/vat.js';

// «Акт об оказании услуг»: what it states, decided once when the order is completed and stored as it is
// (decision 037), so the act reads the same after the company's details or the catalog change.

/**
 * Who received the services. A person today (the order's name, email, phone); a company paying by bank
 * transfer adds its own kind (name, ИНН, КПП, legal address) here and a case in the PDF's customer block.
 */
/** The customer: the person who ordered, or the organisation or sole trader that paid by invoice. */
export type ActCustomer =
  | { kind: 'person'; name: string; email: string; phone: string }
  | { kind: 'company'; name: string; inn: string; kpp: string | null; address: string; email: string; phone: string };

export type ActSeller = Pick<Company, 'name' | 'inn' | 'kpp' | 'ogrn' | 'address' | 'bank'>;

export interface ActLine {
  name: string;
  /** Pieces («усл.») or hours («ч»). */
  unit: 'усл.' | 'ч';
  /** Thousandths of the unit: 1 service = 1000, 2,25 h = 2250 (the receipts' 3-decimal limit). */
  quantityMilli: number;
  priceKopecks: number;
  sumKopecks: number;
}

/** The VAT line under the total: an amount at the receipts' rate, or «Без НДС» with the reason. */
export type ActVat = { kind: 'amount'; percent: number; kopecks: number } | { kind: 'none'; words: string };

/** The stored act: everything the PDF prints, nothing read elsewhere. Dates are Moscow dates. */
export interface ServiceActData {
  version: 1;
  number: string;
  /** YYYY-MM-DD, Moscow: the day the work was accepted. */
  date: string;
  orderNumber: string;
  serviceTitle: string;
  seller: ActSeller;
  customer: ActCustomer;
  lines: ActLine[];
  totalKopecks: number;
  vat: ActVat;
  /** How the client accepted: in the account, or by letting the acceptance period pass. */
  acceptance: 'client' | 'silence';
}

/** Why a seller not on the general tax system charges no VAT (НК РФ), by tax system. */
const noVatReasons: Record<Exclude<TaxSystem, 'osn'>, string> = {
  usn_income: 'Без НДС (НДС не облагается в связи с применением упрощённой системы налогообложения, п. 2 ст. 346.11 НК РФ)',
  usn_income_outcome: 'Без НДС (НДС не облагается в связи с применением упрощённой системы налогообложения, п. 2 ст. 346.11 НК РФ)',
  patent: 'Без НДС (НДС не облагается в связи с применением патентной системы налогообложения, п. 11 ст. 346.43 НК РФ)',
  esn: 'Без НДС (НДС не облагается в связи с применением единого сельскохозяйственного налога, п. 3 ст. 346.1 НК РФ)',
};

/**
 * The act's VAT line follows the receipts (docs/receipts.md): the services' VAT rate at its nominal value
 * (22 % of a VAT-inclusive sum = 22/122 of it), so the act and the settlement receipt never disagree.
 * A service «без НДС» prints the reason of the tax system (on УСН, patent, ЕСХН); a seller on УСН who
 * pays VAT at 5 % or 7 % sets that rate on the service and the act shows the amount.
 */
export function actVat(taxSystem: TaxSystem, rate: VatRate, totalKopecks: number): ActVat {
  const percent = VAT_PERCENT[rate];
  if (percent === null) return { kind: 'none', words: taxSystem === 'osn' ? 'Без НДС' : noVatReasons[taxSystem] };
  return { kind: 'amount', percent, kopecks: vatKopecks(totalKopecks, rate) };
}

export interface ActFacts {
  number: string;
  date: string;
  orderNumber: string;
  seller: ActSeller;
  customer: ActCustomer;
  taxSystem: TaxSystem;
  service: { title: string; vat: VatRate };
  /** The order's price less what went back before completion: what the settlement receipt offsets. */
  keptKopecks: number;
  /** Surcharge invoices for extra hours that were not voided. */
  extraHours: { minutes: number; hourlyRateKopecks: number; amountKopecks: number }[];
  acceptance: 'client' | 'silence';
}

/** The act's lines and sums from the order's facts. A surcharge whose amount was changed is one line of its sum. */
export function serviceAct(facts: ActFacts): ServiceActData {
  const lines: ActLine[] = [{ name: facts.service.title, unit: 'усл.', quantityMilli: 1000, priceKopecks: facts.keptKopecks, sumKopecks: facts.keptKopecks }];
  for (const extra of facts.extraHours) {
    const name = `Дополнительные часы: ${facts.service.title}`;
    const exact = Math.round((extra.minutes * extra.hourlyRateKopecks) / 60) === extra.amountKopecks && (extra.minutes * 1000) % 60 === 0;
    lines.push(
      exact
        ? { name, unit: 'ч', quantityMilli: (extra.minutes * 1000) / 60, priceKopecks: extra.hourlyRateKopecks, sumKopecks: extra.amountKopecks }
        : { name, unit: 'усл.', quantityMilli: 1000, priceKopecks: extra.amountKopecks, sumKopecks: extra.amountKopecks },
    );
  }
  const totalKopecks = lines.reduce((total, line) => total + line.sumKopecks, 0);
  return {
    version: 1,
    number: facts.number,
    date: facts.date,
    orderNumber: facts.orderNumber,
    serviceTitle: facts.service.title,
    seller: facts.seller,
    customer: facts.customer,
    lines,
    totalKopecks,
    vat: actVat(facts.taxSystem, facts.service.vat, totalKopecks),
    acceptance: facts.acceptance,
  };
}

/** 2250 → «2,25», 1000 → «1». */
export function quantityWords(quantityMilli: number): string {
  return (quantityMilli / 1000).toLocaleString('ru-RU', { maximumFractionDigits: 3 });
}

/** «Акт об оказании услуг № 17 от 6 декабря 2026 г.» */
export function actTitle(act: Pick<ServiceActData, 'number' | 'date'>): string {
  return `Акт об оказании услуг № ${act.number} от ${DateTime.fromISO(act.date).setLocale('ru').toFormat("d MMMM yyyy 'г.'")}`;
}
