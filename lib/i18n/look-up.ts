import type { TranslationValues } from "next-intl";

/** Any next-intl translator (of any namespace), from useTranslations or getTranslations. */
type Translator = { has: (...args: never[]) => boolean };
type RunTimeTranslator = { has: (key: string) => boolean; (key: string, values?: TranslationValues): string };

/**
 * The text of a key known only at run time (a code the server sent, a stored field name), or
 * undefined when the translator has none: the one way such keys reach next-intl, whose keys are
 * otherwise checked against the messages by the compiler (lib/i18n/app-config.d.ts).
 */
export function lookUp(t: Translator, key: string, values?: TranslationValues): string | undefined {
  const translate = t as unknown as RunTimeTranslator;
  return translate.has(key) ? translate(key, values) : undefined;
}
