/**
 * Check digits and validity rules of identifiers, so a redaction pattern takes a number for an
 * identifier only when the number could be one: Luhn (cards), ISO 7064 MOD 11-2 (Chinese
 * resident ID), SSA rules (US SSN), Verhoeff (Aadhaar), ISO 13616 mod-97 with the registry's
 * length per country (IBAN), the Hong Kong and Taiwan identity card check digits, and the
 * holder-type letter of an Indian PAN. Pure functions.
 */

/** Luhn check of a card number (digits only). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 7064 MOD 11-2 check digit of a Chinese resident ID number (GB 11643). */
export function cnIdCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

export function cnIdValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  return cnIdCheckDigit(id.slice(0, 17)) === id[17]!.toUpperCase();
}

/** A US SSN the SSA could issue: area not 000, 666 or 900–999; group not 00; serial not 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (!/^\d{3}$/.test(area) || !/^\d{2}$/.test(group) || !/^\d{4}$/.test(serial)) return false;
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

const V_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const V_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff check (the Aadhaar number's last digit). */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = V_D[c]![V_P[i % 8]![digits.charCodeAt(digits.length - 1 - i) - 48]!]!;
  return c === 0;
}

/** An Aadhaar number: 12 digits, not starting with 0 or 1, Verhoeff-valid. */
export function aadhaarValid(digits: string): boolean {
  return /^[2-9]\d{11}$/.test(digits) && verhoeffValid(digits);
}

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20,
  LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTH[country.toUpperCase()];
}

/** ISO 13616: the country's length, then mod 97 of the rearranged number is 1. `iban` without spaces. */
export function ibanValid(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(s) || ibanLength(s.slice(0, 2)) !== s.length) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}

/** Hong Kong identity card: one or two letters, six digits, check digit 0–9 or A (mod 11). */
export function hkIdValid(letters: string, digits: string, check: string): boolean {
  if (!/^[A-Z]{1,2}$/.test(letters) || !/^\d{6}$/.test(digits) || !/^[0-9A]$/.test(check)) return false;
  const vals = letters.length === 1 ? [36, letters.charCodeAt(0) - 55] : [letters.charCodeAt(0) - 55, letters.charCodeAt(1) - 55];
  for (const d of digits) vals.push(d.charCodeAt(0) - 48);
  const sum = vals.reduce((s, v, i) => s + v * (9 - i), 0);
  const r = (11 - (sum % 11)) % 11;
  return (r === 10 ? 'A' : String(r)) === check;
}

const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';

/** Taiwan national ID (and the new resident certificate, 8 or 9 in second place): letter, 9 digits, weighted check. */
export function twIdValid(id: string): boolean {
  if (!/^[A-Z][1289]\d{8}$/.test(id)) return false;
  const n = TW_LETTERS.indexOf(id[0]!) + 10;
  const digits = [Math.floor(n / 10), n % 10, ...[...id.slice(1)].map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  return digits.reduce((s, d, i) => s + d * weights[i]!, 0) % 10 === 0;
}

/** Indian PAN: five letters (the fourth says who holds it), four digits, a letter. */
export function panValid(pan: string): boolean {
  return /^[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]$/.test(pan);
}
