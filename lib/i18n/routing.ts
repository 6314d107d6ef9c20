import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["ru", "en"],
  defaultLocale: "ru",
  // Russian pages live at /…, English at /en/…; the URL alone decides, so shared links show the same page.
  localePrefix: "as-needed",
  localeDetection: false,
  // No NEXT_LOCALE cookie: it would make every page response uncacheable for a proxy in front.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];
