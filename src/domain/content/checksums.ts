// Control digits of Russian registration and bank numbers, as the tax service and the Bank of Russia
// define them. A typo in one digit (or two swapped digits, mostly) fails the check, so a wrong INN never
// reaches a receipt or a bank form.

const digitsOf = (value: string) => [...value].map(Number);

function weighted(digits: number[], weights: number[]): number {
  return weights.reduce((sum, weight, i) => sum + weight * digits[i]!, 0);
}

/** ИНН: 10 digits (organisation, one control digit) or 12 (individual, two). */
export function innChecksumOk(inn: string): boolean {
  const d = digitsOf(inn);
  const control = (weights: number[]) => (weighted(d, weights) % 11) % 10;
  if (/^\d{10}$/.test(inn)) return control([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  if (/^\d{12}$/.test(inn)) {
    return control([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && control([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
  }
  return false;
}

/** ОГРН (13 digits: the first 12 mod 11) or ОГРНИП (15 digits: the first 14 mod 13), last digit of the rest. */
export function ogrnChecksumOk(ogrn: string): boolean {
  if (!/^\d{13}$|^\d{15}$/.test(ogrn)) return false;
  const body = BigInt(ogrn.slice(0, -1));
  const modulus = ogrn.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(ogrn.at(-1));
}

/** БИК of a Russian bank: 9 digits starting with 04 (it has no control digit). */
export const bikFormatOk = (bik: string) => /^04\d{7}$/.test(bik);

/**
 * A 20-digit account checked against its bank's БИК (Bank of Russia rules): the settlement account with
 * the БИК's last three digits in front, the correspondent account with «0» and the БИК's 5th–6th digits.
 */
function accountChecksumOk(prefix: string, account: string): boolean {
  if (!/^\d{20}$/.test(account)) return false;
  const weights = [7, 1, 3];
  const sum = weighted(digitsOf(prefix + account), Array.from({ length: 23 }, (_, i) => weights[i % 3]!));
  return sum % 10 === 0;
}

export const settlementAccountOk = (bik: string, account: string) => accountChecksumOk(bik.slice(-3), account);
/** A bank's correspondent account also ends with the last three digits of its БИК. */
export const correspondentAccountOk = (bik: string, account: string) => account.endsWith(bik.slice(-3)) && accountChecksumOk(`0${bik.slice(4, 6)}`, account);

/** КПП: 9 characters, the 5th and 6th may be capital Latin letters (the reason code). */
export const kppFormatOk = (kpp: string) => /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
