import type { Locale } from "./routing";

// next-intl's types for this app: a locale is one of ours, not any string.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
  }
}
