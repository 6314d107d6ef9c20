import { routing, type Locale } from "./routing";

/**
 * An address in a language, as next-intl's "as-needed" prefix writes it (Russian at /…, English at
 * /en/…), without next-intl's client code: the browser's links and the language switch use it
 * (decision 047).
 */
export function localePath(locale: string, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === "/" ? `/${locale}` : path.startsWith("/?") ? `/${locale}${path.slice(1)}` : `/${locale}${path}`;
}

/** The address without its language prefix: /en/countries → /countries, /en → /. */
export function pathWithoutLocale(pathname: string): string {
  for (const locale of routing.locales) {
    if (locale === routing.defaultLocale) continue;
    if (pathname === `/${locale}`) return "/";
    if (pathname.startsWith(`/${locale}/`)) return pathname.slice(locale.length + 1);
  }
  return pathname;
}

/** The language of an address (its prefix, else the default). */
export function pathLocale(pathname: string): Locale {
  return (
    routing.locales.find((locale) => locale !== routing.defaultLocale && (pathname === `/${locale}` || pathname.startsWith(`/${locale}/`))) ??
    routing.defaultLocale
  );
}
