import { defineRouting } from "next-intl/routing";

/** The interface's languages, the feeds' and the API's `lang`: one list. */
export const LOCALES = ["ru", "en"] as const;

export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "ru",
  // Russian pages live at /…, English at /en/…; the URL alone decides, so shared links show the same page.
  localePrefix: "as-needed",
  localeDetection: false,
  // No NEXT_LOCALE cookie: it would make every page response uncacheable for a proxy in front.
  localeCookie: false,
});

export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
