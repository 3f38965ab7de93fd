/**
 * Check digits of the structured numbers the pii check validates. A number that fails its checksum is not
 * reported as a certain leak: a checksum is what separates an ID number from an order or case number.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** GB 11643 province codes (rules.md 1.1): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83 (residence permits). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83,
]);

/** A real calendar date between 1900-01-01 and today (rules.md 1.1). */
export function isRealDate(y: number, m: number, d: number, now: Date = new Date()): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return false;
  return Date.UTC(y, m - 1, d) <= now.getTime();
}

/** 18-character resident ID (GB 11643-1999): province code, real birth date, check digit. `s` is 17 digits + [0-9xX]. */
export function isValidId18(s: string): boolean {
  if (!/^[1-9]\d{16}[\dxX]$/.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  if (!isRealDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (s.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17].toUpperCase();
}

/** Old 15-digit ID: province code and a real 19YYMMDD date; it has no check digit (rules.md 1.2). */
export function isPlausibleId15(s: string): boolean {
  if (!/^[1-9]\d{14}$/.test(s)) return false;
  if (!PROVINCES.has(Number(s.slice(0, 2)))) return false;
  return isRealDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/** Luhn (mod 10) over a digit string: bank cards (rules.md 1.5). */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Unified social credit code (GB 32100-2015): an organisation's public code, never personal data (rules.md 1.6). */
export function isValidCreditCode(code: string): boolean {
  const s = code.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(s[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === s[17];
}

/** Mainland mobile numbers (rules.md 1.3, strict segment table). */
export const MOBILE_RE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;
