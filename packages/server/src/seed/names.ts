import type { Random } from './random.js';
import {
  BANKS,
  CITIES,
  COMPANY_INDUSTRIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  GIVEN_NAME_CHARS,
  PROVINCES,
  STREETS,
  SURNAME_PINYIN,
  SURNAMES,
} from './vocabulary.js';

export interface Company {
  /** e.g. 华东精密机械有限公司 */
  name: string;
  /** e.g. 华东精密 */
  short: string;
  city: string;
  industry: string;
  /** Latin domain stem, e.g. `jm-0042`. */
  domain: string;
}

export function companyName(rng: Random, serial: number): Company {
  const city = rng.pick(CITIES);
  const word = rng.pick(COMPANY_WORDS);
  const { word: industryWord, industry } = rng.pick(COMPANY_INDUSTRIES);
  const suffix = rng.weighted(COMPANY_SUFFIXES, [6, 2, 1, 1]);
  return {
    name: `${city}${word}${industryWord}${suffix}`,
    short: `${city}${word}`,
    city,
    industry,
    domain: `corp${String(serial).padStart(4, '0')}`,
  };
}

export interface Person {
  name: string;
  pinyin: string;
}

export function personName(rng: Random): Person {
  const surname = rng.pick(SURNAMES);
  const given = rng.chance(0.6) ? rng.pick(GIVEN_NAME_CHARS) + rng.pick(GIVEN_NAME_CHARS) : rng.pick(GIVEN_NAME_CHARS);
  return { name: surname + given, pinyin: `${SURNAME_PINYIN[surname] ?? 'user'}${rng.int(10, 999)}` };
}

export function mobilePhone(rng: Random): string {
  return `1${rng.pick(['35', '36', '38', '39', '50', '58', '77', '86', '89'])}${rng.digits(8)}`;
}

export function landlinePhone(rng: Random): string {
  return `0${rng.pick(['10', '21', '20', '755', '571', '25', '28', '27'])}-${rng.int(5, 8)}${rng.digits(7)}`;
}

export function address(rng: Random, city = rng.pick(CITIES)): string {
  const province = PROVINCES[city] ?? '';
  const cityPart = province.endsWith('市') ? '' : `${city}市`;
  return `${province}${cityPart}${rng.pick(STREETS)}${rng.int(1, 999)}号`;
}

/** e.g. `HT-2026-00042`: upper-case letters, digits and dashes, as code patterns expect. */
export function documentNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}-${year}-${String(serial).padStart(5, '0')}`;
}

/** A unified social credit code (统一社会信用代码), 18 characters. */
export function taxNumber(rng: Random): string {
  const letters = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let code = '91';
  code += rng.digits(6);
  for (let i = 0; i < 10; i++) code += letters[rng.int(0, letters.length - 1)];
  return code;
}

export function bankAccount(rng: Random, city: string = rng.pick(CITIES)): string {
  return `${rng.pick(BANKS)}${city}分行 ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)} ${rng.digits(4)}`;
}
