import { safeDecode } from "../http/safe-decode";

/** The format's members in the order the sources list them (KZ KG TJ TM UZ AZ), then partners. */
const MEMBER_ORDER = ["KZ", "KG", "TJ", "TM", "UZ", "AZ"];
const PARTNER_ORDER = ["CN", "US", "RU", "EU"];

export function sortCountries<C extends { code: string; member: boolean }>(countries: C[]): C[] {
  const order = (country: C) => {
    const list = country.member ? MEMBER_ORDER : PARTNER_ORDER;
    const index = list.indexOf(country.code);
    return (country.member ? 0 : 100) + (index === -1 ? 50 : index);
  };
  return [...countries].sort((a, b) => order(a) - order(b) || a.code.localeCompare(b.code));
}

/** Normalizes a code from the URL ("kz" → "KZ"); null when it cannot be an ISO alpha-2 code. */
export function parseCountryCode(raw: string): string | null {
  const code = safeDecode(raw).trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}
